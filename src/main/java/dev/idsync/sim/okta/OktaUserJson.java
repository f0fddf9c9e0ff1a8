package dev.idsync.sim.okta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a user in the shape of Okta's Users API, timestamps as {@code 2013-06-24T16:39:18.000Z}.
 */
final class OktaUserJson {

	/** The id of the default user type, which every simulated user has. */
	static final String USER_TYPE_ID = "oty1simdefault0000x7";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** Statuses of users who have never set a password (derived: the data model has no passwordChanged). */
	private static final Set<String> WITHOUT_PASSWORD = Set.of("STAGED", "PROVISIONED");

	private final String baseUrl;

	OktaUserJson(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Writes {@code user}'s fields into {@code node}. */
	void write(OktaSimUser user, ObjectNode node) {
		@Nullable Instant passwordChanged = WITHOUT_PASSWORD.contains(user.status()) ? null : user.activated();
		node.put("id", user.id());
		node.put("status", user.status());
		node.put("created", timestamp(user.created()));
		node.put("activated", timestamp(user.activated()));
		node.put("statusChanged", timestamp(user.statusChanged()));
		node.put("lastLogin", timestamp(user.lastLogin()));
		node.put("lastUpdated", timestamp(user.lastUpdated()));
		node.put("passwordChanged", timestamp(passwordChanged));
		node.putObject("type").put("id", USER_TYPE_ID);
		profile(user, node.putObject("profile"));
		credentials(passwordChanged != null, node.putObject("credentials"));
		node.putObject("_links").putObject("self").put("href", this.baseUrl + "/api/v1/users/" + user.id());
	}

	private static void profile(OktaSimUser user, ObjectNode profile) {
		profile.put("firstName", user.firstName());
		profile.put("lastName", user.lastName());
		profile.put("email", user.email());
		profile.put("secondEmail", user.secondEmail());
		profile.put("login", user.login());
		// Okta lists unset base attributes as null; the data model has no phone.
		profile.putNull("mobilePhone");
		user.customAttributes().forEach(profile::put);
	}

	private static void credentials(boolean hasPassword, ObjectNode credentials) {
		if (hasPassword) {
			credentials.putObject("password");
		}
		ObjectNode provider = credentials.putObject("provider");
		provider.put("type", "OKTA");
		provider.put("name", "OKTA");
	}

	static @Nullable String timestamp(@Nullable Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : null;
	}

}
