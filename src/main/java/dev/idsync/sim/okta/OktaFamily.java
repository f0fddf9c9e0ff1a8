package dev.idsync.sim.okta;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint family of the simulated org: the paths that share one per-minute rate limit and one OAuth scope.
 */
enum OktaFamily {

	/** {@code /api/v1/users}. */
	USERS("/api/v1/users", "okta.users.read", 600),

	/** {@code /api/v1/groups} and its sub-resources. */
	GROUPS("/api/v1/groups", "okta.groups.read", 600),

	/** {@code /api/v1/apps} and its sub-resources. */
	APPS("/api/v1/apps", "okta.apps.read", 100),

	/** The org authorization server, {@code /oauth2/v1}; its token endpoint authenticates clients, not scopes. */
	OAUTH2("/oauth2/v1", "", 1200);

	private final String prefix;

	private final String scope;

	private final int enterprisePerMinute;

	OktaFamily(String prefix, String scope, int enterprisePerMinute) {
		this.prefix = prefix;
		this.scope = scope;
		this.enterprisePerMinute = enterprisePerMinute;
	}

	/** The family of {@code path}, or {@code null} for a path outside every family. */
	static @Nullable OktaFamily of(String path) {
		for (OktaFamily family : values()) {
			if (path.equals(family.prefix) || path.startsWith(family.prefix + "/")) {
				return family;
			}
		}
		return null;
	}

	/** The path prefix, e.g. {@code /api/v1/groups}. */
	String prefix() {
		return this.prefix;
	}

	/** The {@code okta.*.read} scope a Bearer caller needs. */
	String scope() {
		return this.scope;
	}

	/** Okta's default per-minute limit for Enterprise orgs (idp-apis.md A4, from Okta's rate-limit reference). */
	int enterprisePerMinute() {
		return this.enterprisePerMinute;
	}

}
