package dev.idsync.sim.google;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failed request, answered with Google's JSON error ({@code {"error":{"code","message","errors":[…]}}}).
 */
final class GoogleApiError extends RuntimeException {

	private static final String REALM = "Bearer realm=\"https://accounts.google.com/\"";

	private final int code;

	private final Item item;

	private final @Nullable String status;

	private final @Nullable String challenge;

	private final @Nullable String errorInfo;

	private GoogleApiError(int code, String message, Item item, @Nullable String status, @Nullable String challenge,
			@Nullable String errorInfo) {
		super(message, null, false, false);
		this.code = code;
		this.item = item;
		this.status = status;
		this.challenge = challenge;
		this.errorInfo = errorInfo;
	}

	private GoogleApiError(int code, String message, Item item, @Nullable String status) {
		this(code, message, item, status, null, null);
	}

	/**
	 * A bearer token Google does not accept. The {@code error="invalid_token"} challenge is what real Google sends;
	 * it makes google-auth's {@code HttpCredentialsAdapter} try to refresh the credential once.
	 */
	static GoogleApiError invalidCredentials() {
		return new GoogleApiError(401, "Request had invalid authentication credentials. Expected OAuth"
				+ " 2 access token, login cookie or other valid authentication credential. See"
				+ " https://developers.google.com/identity/sign-in/web/devconsole-project.",
				Item.header("Invalid Credentials", "authError"), "UNAUTHENTICATED",
				REALM + ", error=\"invalid_token\"", null);
	}

	// Modelled on Google's docs and third-party captures, not recorded: no Authorization header at all.
	static GoogleApiError missingCredentials() {
		return new GoogleApiError(401, "Request is missing required authentication credential."
				+ " Expected OAuth 2 access token, login cookie or other valid authentication credential. See"
				+ " https://developers.google.com/identity/sign-in/web/devconsole-project.",
				Item.header("Login Required.", "required"), "UNAUTHENTICATED", REALM, null);
	}

	/**
	 * A token without any of the scopes the method accepts. Modelled on Google's docs and third-party captures (not
	 * recorded): the RFC 6750 {@code insufficient_scope} challenge names the scopes that would do, which does not
	 * make google-auth refresh.
	 */
	static GoogleApiError insufficientScopes(Collection<String> accepted) {
		return new GoogleApiError(403, "Request had insufficient authentication scopes.",
				Item.global("Insufficient Permission", "insufficientPermissions"), "PERMISSION_DENIED",
				REALM + ", error=\"insufficient_scope\", scope=\"" + String.join(" ", accepted) + "\"",
				"ACCESS_TOKEN_SCOPE_INSUFFICIENT");
	}

	/** Neither {@code customer} nor {@code domain}: Google answers a bare "Bad Request". */
	static GoogleApiError badRequest() {
		return new GoogleApiError(400, "Bad Request", Item.global("Bad Request", "badRequest"), null);
	}

	/** An unreadable parameter such as a foreign {@code pageToken}. */
	static GoogleApiError invalidInput() {
		return new GoogleApiError(400, "Invalid Input", Item.global("Invalid Input", "invalid"), null);
	}

	// Modelled on Google's standard parameter validation, not recorded for the Directory API.
	static GoogleApiError invalidParameter(String parameter, String message) {
		return new GoogleApiError(400, message,
				new Item(message, "global", "invalid", parameter, "parameter"), null);
	}

	/**
	 * A customer or domain the caller does not administer, or a caller who is no admin at all (a delegated
	 * non-admin user, a service account without delegation). Modelled on Google's docs, not recorded.
	 */
	static GoogleApiError forbidden() {
		String message = "Not Authorized to access this resource/api";
		return new GoogleApiError(403, message, Item.global(message, "forbidden"), "PERMISSION_DENIED");
	}

	// Modelled on Google's docs, not recorded.
	static GoogleApiError notFound() {
		return new GoogleApiError(404, "Not Found", Item.global("Not Found", "notFound"), null);
	}

	/** An unknown resource, e.g. {@code Resource Not Found: groupKey} (as third-party captures show it). */
	static GoogleApiError resourceNotFound(String parameter) {
		String message = "Resource Not Found: " + parameter;
		return new GoogleApiError(404, message, Item.global(message, "notFound"), null);
	}

	/** The per-user query rate (2,400 a minute by default) is spent: back off and retry. */
	static GoogleApiError userRateLimitExceeded() {
		return usageLimit(403, "User Rate Limit Exceeded", "userRateLimitExceeded", "PERMISSION_DENIED");
	}

	/** Too many concurrent requests: back off and retry. */
	static GoogleApiError quotaExceeded() {
		return usageLimit(403, "Quota Exceeded", "quotaExceeded", "PERMISSION_DENIED");
	}

	/** The Workspace account's concurrent limit: back off and retry (also the {@code ratelimit} fault). */
	static GoogleApiError rateLimitExceeded() {
		return usageLimit(429, "Rate Limit Exceeded", "rateLimitExceeded", "RESOURCE_EXHAUSTED");
	}

	/**
	 * A transient failure behind the frontend (the {@code http500} fault). Modelled on Google's docs: the message
	 * and status of current Google APIs with the Directory API's historical {@code backendError} reason.
	 */
	static GoogleApiError backendError() {
		String message = "Internal error encountered.";
		return new GoogleApiError(500, message, Item.global(message, "backendError"), "INTERNAL");
	}

	// The texts of the limits page (developers.google.com/admin-sdk/directory/v1/limits); statuses modelled on docs.
	private static GoogleApiError usageLimit(int code, String message, String reason, String status) {
		return new GoogleApiError(code, message, new Item(message, "usageLimits", reason, null, null), status);
	}

	int code() {
		return this.code;
	}

	/** The {@code WWW-Authenticate} challenge, if the error carries one. */
	@Nullable String challenge() {
		return this.challenge;
	}

	/** Writes the error object into {@code root}. */
	void write(ObjectNode root) {
		ObjectNode error = root.putObject("error");
		error.put("code", this.code);
		error.put("message", getMessage());
		this.item.write(error.putArray("errors").addObject());
		if (this.status != null) {
			error.put("status", this.status);
		}
		if (this.errorInfo != null) {
			ObjectNode info = error.putArray("details").addObject();
			info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
			info.put("reason", this.errorInfo);
			info.put("domain", "googleapis.com");
			info.putObject("metadata").put("service", "admin.googleapis.com");
		}
	}

	/** The one entry of {@code errors[]}. */
	private record Item(String message, String domain, String reason, @Nullable String location,
			@Nullable String locationType) {

		static Item global(String message, String reason) {
			return new Item(message, "global", reason, null, null);
		}

		static Item header(String message, String reason) {
			return new Item(message, "global", reason, "Authorization", "header");
		}

		void write(ObjectNode node) {
			node.put("message", this.message);
			node.put("domain", this.domain);
			node.put("reason", this.reason);
			if (this.location != null) {
				node.put("location", this.location);
				node.put("locationType", this.locationType);
			}
		}

	}

}
