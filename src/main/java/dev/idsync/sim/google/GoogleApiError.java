package dev.idsync.sim.google;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failed request, answered with Google's JSON error ({@code {"error":{"code","message","errors":[…]}}}).
 */
final class GoogleApiError extends RuntimeException {

	private final int code;

	private final String detail;

	private final String reason;

	private final @Nullable String location;

	private final @Nullable String locationType;

	private final @Nullable String status;

	private final @Nullable String challenge;

	private GoogleApiError(int code, String message, String detail, String reason, @Nullable String location,
			@Nullable String locationType, @Nullable String status, @Nullable String challenge) {
		super(message, null, false, false);
		this.code = code;
		this.detail = detail;
		this.reason = reason;
		this.location = location;
		this.locationType = locationType;
		this.status = status;
		this.challenge = challenge;
	}

	/**
	 * A bearer token Google does not accept. The {@code error="invalid_token"} challenge is what real Google sends;
	 * it makes google-auth's {@code HttpCredentialsAdapter} try to refresh the credential once.
	 */
	static GoogleApiError invalidCredentials() {
		return new GoogleApiError(401, "Request had invalid authentication credentials. Expected OAuth"
				+ " 2 access token, login cookie or other valid authentication credential. See"
				+ " https://developers.google.com/identity/sign-in/web/devconsole-project.", "Invalid Credentials",
				"authError", "Authorization", "header", "UNAUTHENTICATED",
				"Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
	}

	// Modelled on Google's docs and third-party captures, not recorded: no Authorization header at all.
	static GoogleApiError missingCredentials() {
		return new GoogleApiError(401, "Request is missing required authentication credential."
				+ " Expected OAuth 2 access token, login cookie or other valid authentication credential. See"
				+ " https://developers.google.com/identity/sign-in/web/devconsole-project.", "Login Required.",
				"required", "Authorization", "header", "UNAUTHENTICATED",
				"Bearer realm=\"https://accounts.google.com/\"");
	}

	/** Neither {@code customer} nor {@code domain}: Google answers a bare "Bad Request". */
	static GoogleApiError badRequest() {
		return new GoogleApiError(400, "Bad Request", "Bad Request", "badRequest", null, null, null, null);
	}

	/** An unreadable parameter such as a foreign {@code pageToken}. */
	static GoogleApiError invalidInput() {
		return new GoogleApiError(400, "Invalid Input", "Invalid Input", "invalid", null, null, null, null);
	}

	// Modelled on Google's standard parameter validation, not recorded for the Directory API.
	static GoogleApiError invalidParameter(String parameter, String message) {
		return new GoogleApiError(400, message, message, "invalid", parameter, "parameter", null, null);
	}

	// Modelled on Google's docs, not recorded: a customer or domain the caller does not administer.
	static GoogleApiError forbidden() {
		String message = "Not Authorized to access this resource/api";
		return new GoogleApiError(403, message, message, "forbidden", null, null, null, null);
	}

	// Modelled on Google's docs, not recorded.
	static GoogleApiError notFound() {
		return new GoogleApiError(404, "Not Found", "Not Found", "notFound", null, null, null, null);
	}

	int code() {
		return this.code;
	}

	/** The {@code WWW-Authenticate} challenge of a 401, else {@code null}. */
	@Nullable String challenge() {
		return this.challenge;
	}

	/** Writes the error object into {@code root}. */
	void write(ObjectNode root) {
		ObjectNode error = root.putObject("error");
		error.put("code", this.code);
		error.put("message", getMessage());
		ObjectNode item = error.putArray("errors").addObject();
		item.put("message", this.detail);
		item.put("domain", "global");
		item.put("reason", this.reason);
		if (this.location != null) {
			item.put("location", this.location);
			item.put("locationType", this.locationType);
		}
		if (this.status != null) {
			error.put("status", this.status);
		}
	}

}
