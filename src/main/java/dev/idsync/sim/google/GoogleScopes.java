package dev.idsync.sim.google;

import java.util.Set;

/**
 * The OAuth scopes the simulated endpoints know.
 */
final class GoogleScopes {

	static final String USER_READONLY = "https://www.googleapis.com/auth/admin.directory.user.readonly";

	static final String USER = "https://www.googleapis.com/auth/admin.directory.user";

	static final String GROUP_MEMBER_READONLY = "https://www.googleapis.com/auth/admin.directory.group.member.readonly";

	static final String GROUP_MEMBER = "https://www.googleapis.com/auth/admin.directory.group.member";

	static final String GROUP_READONLY = "https://www.googleapis.com/auth/admin.directory.group.readonly";

	static final String GROUP = "https://www.googleapis.com/auth/admin.directory.group";

	static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

	/** Every scope above: what the customer's static access token holds. */
	static final Set<String> ALL = Set.of(USER_READONLY, USER, GROUP_MEMBER_READONLY, GROUP_MEMBER, GROUP_READONLY,
			GROUP, CLOUD_PLATFORM);

	private GoogleScopes() {
	}

}
