package dev.idsync.sim.okta;

/**
 * A Bearer token without the scope an endpoint needs. Okta answers it with HTTP 403, an empty body and an RFC 6750
 * {@code insufficient_scope} challenge, not with its error object (as reported in okta/okta-sdk-golang#145 and
 * seen by others since).
 */
final class OktaScopeError extends RuntimeException {

	private final String scope;

	OktaScopeError(String scope) {
		super("The access token provided does not contain the required scopes.", null, false, false);
		this.scope = scope;
	}

	/** The {@code WWW-Authenticate} value Okta sends for {@code resource} of the org at {@code baseUrl}. */
	String challenge(String baseUrl, String resource) {
		return "Bearer authorization_uri=\"" + baseUrl + "/oauth2/v1/authorize\", realm=\"" + baseUrl + "\", scope=\""
				+ this.scope + "\", error=\"insufficient_scope\", error_description=\"" + getMessage()
				+ "\", resource=\"" + resource + "\"";
	}

}
