package dev.idsync.sim.okta;

/**
 * A failed request, answered with Okta's error object
 * ({@code errorCode, errorSummary, errorLink, errorId, errorCauses}).
 */
final class OktaApiError extends RuntimeException {

	private final int status;

	private final String code;

	private OktaApiError(int status, String code, String summary) {
		super(summary, null, false, false);
		this.status = status;
		this.code = code;
	}

	static OktaApiError invalidToken() {
		return new OktaApiError(401, "E0000011", "Invalid token provided");
	}

	static OktaApiError invalidSearch() {
		return new OktaApiError(400, "E0000031", "Invalid search criteria.");
	}

	static OktaApiError rateLimited() {
		return new OktaApiError(429, "E0000047", "API call exceeded rate limit due to too many requests.");
	}

	// Modelled on Okta's error-code list, not recorded.
	static OktaApiError invalidParameter(String name) {
		return new OktaApiError(400, "E0000001", "Api validation failed: " + name);
	}

	// Modelled on Okta's error-code list, not recorded.
	static OktaApiError notFound(String path) {
		return new OktaApiError(404, "E0000007", "Not found: Resource not found: " + path);
	}

	// Modelled on Okta's error responses, not recorded: the summary names the id and its resource type.
	static OktaApiError notFound(String id, String type) {
		return new OktaApiError(404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")");
	}

	// Modelled on Okta's error-code list, not recorded.
	static OktaApiError internalServerError() {
		return new OktaApiError(500, "E0000009", "Internal Server Error");
	}

	// Modelled on Okta's error-code list, not recorded.
	static OktaApiError methodNotAllowed() {
		return new OktaApiError(405, "E0000022", "The endpoint does not support the provided HTTP method");
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	String summary() {
		return getMessage();
	}

}
