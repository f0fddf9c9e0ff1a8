package dev.idsync.sim.okta;

/**
 * A refused token request, answered as OAuth 2.0 does: {@code {"error": …, "error_description": …}}.
 */
final class OktaOAuthError extends RuntimeException {

	private final int status;

	private final String error;

	private OktaOAuthError(int status, String error, String description) {
		super(description, null, false, false);
		this.status = status;
		this.error = error;
	}

	/** A client assertion Okta does not accept: HTTP 401 {@code invalid_client}. */
	static OktaOAuthError invalidClient(String description) {
		return new OktaOAuthError(401, "invalid_client", description);
	}

	/** A malformed request: HTTP 400 with {@code error}. */
	static OktaOAuthError badRequest(String error, String description) {
		return new OktaOAuthError(400, error, description);
	}

	int status() {
		return this.status;
	}

	String error() {
		return this.error;
	}

	String description() {
		return getMessage();
	}

}
