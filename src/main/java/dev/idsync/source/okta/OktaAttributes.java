package dev.idsync.source.okta;

import org.jspecify.annotations.Nullable;

import com.okta.sdk.resource.model.UserProfile;

/**
 * Reads a profile attribute by its Okta name, standard (e.g. {@code employeeNumber}) or custom (e.g.
 * {@code phabricatorUsername}, which the SDK keeps in the additional properties).
 */
final class OktaAttributes {

	private OktaAttributes() {
	}

	static @Nullable String get(UserProfile profile, String name) {
		Object value = switch (name) {
			case "employeeNumber" -> profile.getEmployeeNumber();
			case "login" -> profile.getLogin();
			case "nickName" -> profile.getNickName();
			case "displayName" -> profile.getDisplayName();
			case "email" -> profile.getEmail();
			case "secondEmail" -> profile.getSecondEmail();
			case "userType" -> profile.getUserType();
			case "department" -> profile.getDepartment();
			case "organization" -> profile.getOrganization();
			default -> (profile.getAdditionalProperties() != null) ? profile.getAdditionalProperties().get(name) : null;
		};
		return (value != null) ? value.toString() : null;
	}

}
