package dev.idsync.sim.okta;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who made a request: an SSWS token holder, who may call every endpoint, or an OAuth client limited to its token's
 * scopes.
 *
 * @param scopes the access token's scopes, or {@code null} for an SSWS caller
 */
record OktaCaller(@Nullable Set<String> scopes) {

	/** A caller with the org's API token. */
	static final OktaCaller SSWS = new OktaCaller(null);

	OktaCaller {
		scopes = (scopes != null) ? Set.copyOf(scopes) : null;
	}

	/**
	 * Checks that this caller may use an endpoint that needs {@code scope}. A {@code .manage} scope includes its
	 * {@code .read} one, as Okta's scope reference describes them.
	 * @throws OktaScopeError when it may not
	 */
	void require(String scope) {
		if (this.scopes != null && !this.scopes.contains(scope)
				&& !this.scopes.contains(scope.replaceFirst("\\.read$", ".manage"))) {
			throw new OktaScopeError(scope);
		}
	}

}
