package dev.idsync.sim.google;

import tools.jackson.databind.node.ObjectNode;

/**
 * A refused token request, answered as Google's token endpoint does: {@code {"error","error_description"}}.
 */
final class GoogleTokenError extends RuntimeException {

	private final int status;

	private final String error;

	private GoogleTokenError(int status, String error, String description) {
		super(description, null, false, false);
		this.status = status;
		this.error = error;
	}

	/** A requested scope the customer's admin did not delegate to the service account. */
	static GoogleTokenError unauthorizedClient() {
		return new GoogleTokenError(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens"
				+ " using this method, or client not authorized for any of the scopes requested.");
	}

	/** An assertion Google refuses, with the description Google gives for the reason. */
	static GoogleTokenError invalidGrant(String description) {
		return new GoogleTokenError(400, "invalid_grant", description);
	}

	/** A signature that does not verify, or an assertion too mangled to verify. */
	static GoogleTokenError invalidSignature() {
		return invalidGrant("Invalid JWT Signature.");
	}

	// Modelled on Google's service-account docs ("error codes"), not recorded.
	static GoogleTokenError invalidScope() {
		return new GoogleTokenError(400, "invalid_scope", "Empty or missing scope not allowed.");
	}

	// Modelled on Google's token endpoint answers to other grants, not recorded.
	static GoogleTokenError unsupportedGrantType(String grantType) {
		return new GoogleTokenError(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
	}

	// Modelled on Google's token endpoint answers to other grants, not recorded.
	static GoogleTokenError missingParameter(String name) {
		return new GoogleTokenError(400, "invalid_request", "Missing required parameter: " + name);
	}

	int status() {
		return this.status;
	}

	/** Writes the error into {@code root}. */
	void write(ObjectNode root) {
		root.put("error", this.error);
		root.put("error_description", getMessage());
	}

}
