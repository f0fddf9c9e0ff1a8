package dev.idsync.sim.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a user in the shape of the Directory API's {@code admin#directory#user}.
 */
final class GoogleUserJson {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final String customerId;

	GoogleUserJson(String customerId) {
		this.customerId = customerId;
	}

	/** Writes {@code user}'s fields into {@code node}. */
	void write(GoogleSimUser user, ObjectNode node) {
		node.put("kind", "admin#directory#user");
		node.put("id", user.id());
		node.put("etag", etag(user.toString()));
		node.put("primaryEmail", user.primaryEmail());
		ObjectNode name = node.putObject("name");
		name.put("givenName", user.givenName());
		name.put("familyName", user.familyName());
		name.put("fullName", user.givenName() + " " + user.familyName());
		node.put("isAdmin", user.admin());
		node.put("isDelegatedAdmin", false);
		// Google serves the epoch for a user who never logged in, not null.
		node.put("lastLoginTime", timestamp((user.lastLoginTime() != null) ? user.lastLoginTime() : Instant.EPOCH));
		node.put("creationTime", timestamp(user.creationTime()));
		if (user.deletionTime() != null) {
			node.put("deletionTime", timestamp(user.deletionTime()));
		}
		// Derived, not in the data model: a user who logged in has accepted the terms.
		node.put("agreedToTerms", user.lastLoginTime() != null);
		node.put("suspended", user.suspended());
		if (user.suspended()) {
			node.put("suspensionReason", "ADMIN");
		}
		node.put("archived", user.archived());
		// Modelled on Google's docs, not recorded: fields every basic projection carries.
		node.put("changePasswordAtNextLogin", false);
		node.put("ipWhitelisted", false);
		emails(user, node.putArray("emails"));
		if (!user.aliases().isEmpty()) {
			ArrayNode aliases = node.putArray("aliases");
			user.aliases().forEach(aliases::add);
		}
		if (user.employeeId() != null) {
			node.putArray("externalIds").addObject().put("value", user.employeeId()).put("type", "organization");
		}
		node.put("customerId", this.customerId);
		node.put("orgUnitPath", user.orgUnitPath());
		node.put("isMailboxSetup", true);
		node.put("isEnrolledIn2Sv", false);
		node.put("isEnforcedIn2Sv", false);
		node.put("includeInGlobalAddressList", true);
	}

	private static void emails(GoogleSimUser user, ArrayNode emails) {
		ObjectNode primary = emails.addObject();
		primary.put("address", user.primaryEmail());
		primary.put("primary", true);
		user.aliases().forEach((alias) -> emails.addObject().put("address", alias));
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	/** A Google-looking etag ({@code "<hash>/<hash>"}, quotes included) derived from {@code seed}. */
	static String etag(String seed) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return "\"" + base64.encodeToString(Arrays.copyOf(digest, 16)) + "/"
					+ base64.encodeToString(Arrays.copyOfRange(digest, 16, 32)) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
