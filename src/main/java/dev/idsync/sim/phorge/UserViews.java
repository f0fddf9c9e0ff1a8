package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The shapes in which Conduit shows a user: the legacy dictionary of {@code user.query} and {@code user.whoami}, and
 * the {@code user.search} row. Keys are in Phorge's order, which the byte-exact responses depend on.
 */
final class UserViews {

	private final PhorgeDirectory directory;

	private final String baseUrl;

	/**
	 * Creates the views.
	 * @param directory where primary email rows are looked up
	 * @param baseUrl the instance's public URL, without a trailing slash; profile and image URLs start with it
	 */
	UserViews(PhorgeDirectory directory, String baseUrl) {
		this.directory = directory;
		this.baseUrl = baseUrl;
	}

	/** {@code user.query}'s dictionary; roles say {@code agent} and are verified by the primary email row. */
	Map<String, Object> legacy(PhorgeUser user) {
		Map<String, Object> dictionary = new LinkedHashMap<>();
		dictionary.put("phid", user.phid());
		dictionary.put("userName", user.userName());
		dictionary.put("realName", user.realName());
		dictionary.put("image", this.baseUrl + "/" + user.imagePath());
		dictionary.put("uri", this.baseUrl + "/p/" + user.userName() + "/");
		dictionary.put("roles", legacyRoles(user, verifiedPrimaryEmail(user) != null));
		return dictionary;
	}

	/** {@code user.whoami}'s dictionary: the legacy one plus the primary address when it is verified. */
	Map<String, @Nullable Object> whoami(PhorgeUser user) {
		Map<String, @Nullable Object> dictionary = new LinkedHashMap<>(legacy(user));
		dictionary.put("primaryEmail", verifiedPrimaryEmail(user));
		return dictionary;
	}

	/** One {@code user.search} row; {@code availability} adds that attachment. */
	Map<String, Object> searchRow(PhorgeUser user, boolean availability) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", user.userName());
		fields.put("realName", user.realName());
		fields.put("roles", searchRoles(user));
		fields.put("dateCreated", user.dateCreated());
		fields.put("dateModified", user.dateModified());
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("view", "public");
		policy.put("edit", (user.bot() || user.mailingList()) ? "admin" : "no-one");
		fields.put("policy", policy);
		Map<String, Object> attachments = new LinkedHashMap<>();
		if (availability) {
			attachments.put("availability", available());
		}
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", user.id());
		row.put("type", "USER");
		row.put("phid", user.phid());
		row.put("fields", fields);
		row.put("attachments", attachments);
		return row;
	}

	private static List<String> legacyRoles(PhorgeUser user, boolean verified) {
		List<String> roles = new ArrayList<>();
		addIf(roles, user.disabled(), "disabled");
		addIf(roles, user.bot(), "agent");
		addIf(roles, user.mailingList(), "list");
		addIf(roles, user.admin(), "admin");
		roles.add(verified ? "verified" : "unverified");
		addIf(roles, user.approved(), "approved");
		addIf(roles, user.activated(), "activated");
		return roles;
	}

	private static List<String> searchRoles(PhorgeUser user) {
		List<String> roles = new ArrayList<>();
		addIf(roles, user.disabled(), "disabled");
		addIf(roles, user.bot(), "bot");
		addIf(roles, user.mailingList(), "list");
		addIf(roles, user.admin(), "admin");
		addIf(roles, user.emailVerified(), "verified");
		addIf(roles, user.approved(), "approved");
		addIf(roles, user.activated(), "activated");
		return roles;
	}

	/** Nobody has calendar events here, so everyone is available. */
	private static Map<String, @Nullable Object> available() {
		Map<String, @Nullable Object> availability = new LinkedHashMap<>();
		availability.put("value", "available");
		availability.put("until", null);
		availability.put("name", "Available");
		availability.put("color", "green");
		availability.put("eventPHID", null);
		return availability;
	}

	private @Nullable String verifiedPrimaryEmail(PhorgeUser user) {
		return this.directory.emailsOf(user.phid())
			.stream()
			.filter((email) -> email.primary() && email.verified())
			.map(PhorgeEmail::address)
			.findFirst()
			.orElse(null);
	}

	private static void addIf(List<String> roles, boolean condition, String role) {
		if (condition) {
			roles.add(role);
		}
	}

}
