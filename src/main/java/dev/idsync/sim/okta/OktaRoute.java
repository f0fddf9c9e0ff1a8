package dev.idsync.sim.okta;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API resource a request path names.
 *
 * @param resource the kind of resource
 * @param id the group or app id in the path, empty for the top-level listings
 */
record OktaRoute(Resource resource, String id) {

	private static final Pattern MEMBERS = Pattern.compile("/api/v1/(groups|apps)/([^/]+)/users");

	/**
	 * Resolves {@code path}.
	 * @throws OktaApiError E0000007 for a path the simulator does not serve
	 */
	static OktaRoute of(String path) {
		if (path.equals("/api/v1/users")) {
			return new OktaRoute(Resource.USERS, "");
		}
		if (path.equals("/api/v1/groups")) {
			return new OktaRoute(Resource.GROUPS, "");
		}
		if (path.equals("/api/v1/apps")) {
			return new OktaRoute(Resource.APPS, "");
		}
		Matcher members = MEMBERS.matcher(path);
		if (members.matches()) {
			return new OktaRoute(members.group(1).equals("groups") ? Resource.GROUP_USERS : Resource.APP_USERS,
					members.group(2));
		}
		throw OktaApiError.notFound(path);
	}

	/** The family whose budget and scope the resource uses. */
	OktaFamily family() {
		return this.resource.family;
	}

	/**
	 * The listings the simulator serves.
	 */
	enum Resource {

		/** {@code GET /api/v1/users}. */
		USERS(OktaFamily.USERS),

		/** {@code GET /api/v1/groups}. */
		GROUPS(OktaFamily.GROUPS),

		/** {@code GET /api/v1/groups/{groupId}/users}. */
		GROUP_USERS(OktaFamily.GROUPS),

		/** {@code GET /api/v1/apps/{appId}/users}. */
		APP_USERS(OktaFamily.APPS),

		/** {@code GET /api/v1/apps}. */
		APPS(OktaFamily.APPS);

		private final OktaFamily family;

		Resource(OktaFamily family) {
			this.family = family;
		}

	}

}
