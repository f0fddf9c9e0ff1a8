package dev.idsync.source.google;

import java.io.IOException;
import java.util.Optional;
import java.util.Random;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.directory.Directory;
import com.google.auth.Retryable;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.Retrying;
import dev.idsync.source.Retrying.Outcome;
import dev.idsync.source.Retrying.Verdict;
import dev.idsync.source.SourceException;

/**
 * The Directory API client with Google's recommended handling of its quotas: 403 {@code userRateLimitExceeded} and
 * {@code quotaExceeded} and 429 {@code rateLimitExceeded} are retried with exponential backoff and jitter (the client
 * library does not), as are 5xx and broken answers; 403 {@code forbidden} and missing scopes fail at once, saying
 * which delegation or scope to fix. A Google that gives no answer at all until a request's attempts run out is not
 * asked again by this client: every later request fails at once with that first failure.
 */
final class GoogleClient {

	private final Directory directory;

	private final GoogleCredentials credentials;

	private final GoogleProperties properties;

	private final Retrying retrying;

	GoogleClient(GoogleProperties properties, Secret credential, Retrying.Sleeper sleeper) {
		this.credentials = GoogleCredentialsFactory.create(properties, credential);
		HttpCredentialsAdapter authorization = new HttpCredentialsAdapter(this.credentials);
		int timeout = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
		this.directory = new Directory.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), (request) -> {
			authorization.initialize(request);
			request.setConnectTimeout(timeout).setReadTimeout(timeout);
		}).setApplicationName("idsync").setRootUrl(properties.url() + "/").build();
		this.properties = properties;
		this.retrying = new Retrying(properties.retry(), sleeper, new Random());
	}

	/**
	 * Proves the credential with the cheapest request: with a service account, the delegated access token; with a
	 * ready access token, one user ({@code users.list} with {@code maxResults=1}).
	 * @return what Google accepted, for the log
	 * @throws SourceException when Google refuses the credential (naming the properties that hold it) or does not
	 * answer
	 */
	String checkCredential() {
		if (this.properties.usesServiceAccount()) {
			fetch("the token request", (directory) -> {
				this.credentials.refreshIfExpired();
				return Boolean.TRUE;
			});
			return "google: a token to act as " + this.properties.subject() + " was issued";
		}
		fetch("users.list", (directory) -> {
			Directory.Users.List one = directory.users().list().setMaxResults(1);
			return (this.properties.domain() != null) ? one.setDomain(this.properties.domain()).execute()
					: one.setCustomer(this.properties.customer()).execute();
		});
		return "google: the access token was accepted";
	}

	/** Makes one request of the Directory API, with retries. */
	<T> Outcome<T> fetch(String what, Call<T> call) {
		return this.retrying.run(() -> call.on(this.directory), (failure) -> judge(what, failure));
	}

	private Verdict judge(String what, Exception failure) {
		if (failure instanceof GoogleJsonResponseException json) {
			return judge(what, json.getStatusCode(), reason(json.getDetails()));
		}
		if (failure instanceof HttpResponseException http) {
			return judge(what, http.getStatusCode(), "");
		}
		Optional<Verdict.Unreachable> silence = Verdict.Unreachable.of("google", "Google at "
				+ this.properties.url(), failure, this.properties.timeout());
		if (silence.isPresent()) {
			return silence.get();
		}
		if (String.valueOf(failure.getMessage()).startsWith("Error getting access token")) {
			return tokenFailure(what, failure);
		}
		if (failure instanceof IllegalStateException) {
			// google-auth answers a 401 challenge by refreshing; a fixed access token cannot be refreshed
			return new Verdict.GiveUp(new SourceException("google", what + ": the access token in "
					+ credentialProperty() + " is invalid or expired", null));
		}
		// a connection cut mid-way (IOException) or an answer the JSON parser chokes on (it throws runtime
		// exceptions, even a NullPointerException): passing faults, worth another try
		return new Verdict.Retry("google", what + ": broken or unreadable answer (" + failure.getClass().getSimpleName()
				+ ")", null, false);
	}

	/**
	 * google-auth's token error, retried when it says so (a 5xx of the token endpoint: google-auth's own retries are
	 * off, so that idsync's count). The JDK transport drops the body of a 401, so "401" alone means the scopes are not
	 * delegated to this client id, and a 400 carries invalid_grant (unknown subject, bad key).
	 */
	private Verdict tokenFailure(String what, Exception failure) {
		if (failure instanceof Retryable retryable && retryable.isRetryable()) {
			return new Verdict.Retry("google", what + ": the token request failed (" + firstLine(failure.getMessage())
					+ ")", null, false);
		}
		return new Verdict.GiveUp(new SourceException("google", what + ": Google refused to issue a token ("
				+ firstLine(failure.getMessage()) + "). " + delegationHint(), null));
	}

	private Verdict judge(String what, int status, String reason) {
		if ((status == 403 && (reason.equals("userRateLimitExceeded") || reason.equals("quotaExceeded")))
				|| status == 429) {
			return new Verdict.Retry("google", what + ": HTTP " + status + " " + reason, null, true);
		}
		if (status >= 500) {
			return new Verdict.Retry("google", what + ": HTTP " + status + " " + reason, null, false);
		}
		String hint = switch (status) {
			case 401 -> " (the credentials were refused). " + delegationHint();
			case 403 -> reason.equals("insufficientPermissions") ? " (the token lacks a scope). " + delegationHint()
					: " (forbidden: the impersonated admin " + this.properties.subject() + " may not read the "
							+ "directory of customer " + this.properties.customer() + ", or the customer id is wrong). "
							+ delegationHint();
			case 404 -> " (not found: check the group addresses in idsync.google.entitlement-groups)";
			default -> "";
		};
		return new Verdict.GiveUp(new SourceException("google", what + ": HTTP " + status + " " + reason + hint, null));
	}

	private String delegationHint() {
		return "Check " + (this.properties.usesServiceAccount() ? "the service account's key" : "the access token")
				+ " in " + credentialProperty() + " and domain-wide delegation in the Admin console (Security > API "
				+ "controls > Domain-wide delegation): the service account's client id must be granted "
				+ String.join(", ", GoogleProperties.SCOPES)
				+ ", and idsync.google.subject must name a Workspace admin.";
	}

	/** Where the credential comes from, as the configuration names it. */
	private String credentialProperty() {
		if (this.properties.usesServiceAccount()) {
			return (this.properties.credentialsFile() != null)
					? "idsync.google.credentials-file (" + this.properties.credentialsFile() + ")"
					: "$" + this.properties.credentialsEnv();
		}
		return (this.properties.accessTokenFile() != null)
				? "idsync.google.access-token-file (" + this.properties.accessTokenFile() + ")"
				: "$" + this.properties.accessTokenEnv();
	}

	private static String reason(GoogleJsonError details) {
		if (details == null || details.getErrors() == null || details.getErrors().isEmpty()) {
			return "";
		}
		return String.valueOf(details.getErrors().get(0).getReason());
	}

	private static String firstLine(String message) {
		return String.valueOf(message).lines().findFirst().orElse("");
	}

	/**
	 * A request of the Directory API.
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface Call<T> {

		T on(Directory directory) throws IOException;

	}

}
