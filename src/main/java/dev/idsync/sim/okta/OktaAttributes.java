package dev.idsync.sim.okta;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The user attributes that Okta's {@code filter} and {@code search} expressions can name.
 */
final class OktaAttributes implements OktaFields<OktaSimUser> {

	/** The attributes of users. */
	static final OktaAttributes USERS = new OktaAttributes();

	/** The attributes {@code filter} accepts; {@code search} also takes the other dates and any profile property. */
	static final Set<String> FILTERABLE = Set.of("status", "lastUpdated", "id", "profile.login", "profile.email",
			"profile.firstName", "profile.lastName");

	private static final Set<String> TEMPORAL = Set.of("created", "activated", "statusChanged", "lastUpdated",
			"lastLogin");

	private static final String PROFILE = "profile.";

	private OktaAttributes() {
	}

	static boolean searchable(String attribute) {
		return FILTERABLE.contains(attribute) || TEMPORAL.contains(attribute) || attribute.equals("type.id")
				|| (attribute.startsWith(PROFILE) && attribute.length() > PROFILE.length());
	}

	@Override
	public boolean temporal(String attribute) {
		return TEMPORAL.contains(attribute);
	}

	@Override
	public @Nullable Object value(OktaSimUser user, String attribute) {
		return switch (attribute) {
			case "id" -> user.id();
			case "status" -> user.status();
			case "type.id" -> OktaUserJson.USER_TYPE_ID;
			case "created" -> user.created();
			case "activated" -> user.activated();
			case "statusChanged" -> user.statusChanged();
			case "lastUpdated" -> user.lastUpdated();
			case "lastLogin" -> user.lastLogin();
			default -> profileValue(user, attribute.substring(PROFILE.length()));
		};
	}

	private static @Nullable String profileValue(OktaSimUser user, String property) {
		return switch (property) {
			case "login" -> user.login();
			case "email" -> user.email();
			case "secondEmail" -> user.secondEmail();
			case "firstName" -> user.firstName();
			case "lastName" -> user.lastName();
			default -> user.customAttributes().get(property);
		};
	}

}
