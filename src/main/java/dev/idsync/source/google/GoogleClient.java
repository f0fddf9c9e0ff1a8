package dev.idsync.source.google;

import java.io.IOException;
import java.util.Random;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.directory.Directory;
import com.google.auth.http.HttpCredentialsAdapter;

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
 * which delegation or scope to fix.
 */
final class GoogleClient {

	private final Directory directory;

	private final GoogleProperties properties;

	private final Retrying retrying;

	GoogleClient(GoogleProperties properties, Secret credential, Retrying.Sleeper sleeper) {
		this.directory = new Directory.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
				new HttpCredentialsAdapter(GoogleCredentialsFactory.create(properties, credential)))
			.setApplicationName("idsync")
			.setRootUrl(properties.url() + "/")
			.build();
		this.properties = properties;
		this.retrying = new Retrying(properties.retry(), sleeper, new Random());
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
		if (String.valueOf(failure.getMessage()).startsWith("Error getting access token")) {
			// google-auth's token error; the JDK transport drops the body of a 401, so "401" alone means the scopes
			// are not delegated to this client id, and a 400 carries invalid_grant (unknown subject, bad key)
			return new Verdict.GiveUp(new SourceException("google", what + ": Google refused to issue a token ("
					+ firstLine(failure.getMessage()) + "). " + delegationHint(), null));
		}
		if (failure instanceof IllegalStateException) {
			// google-auth answers a 401 challenge by refreshing; a fixed access token cannot be refreshed
			return new Verdict.GiveUp(new SourceException("google",
					what + ": the access token is invalid or expired", null));
		}
		// a connection cut mid-way (IOException) or an answer the JSON parser chokes on (it throws runtime
		// exceptions, even a NullPointerException): passing faults, worth another try
		return new Verdict.Retry("google", what + ": broken or unreadable answer (" + failure.getClass().getSimpleName()
				+ ")", null, false);
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
		return "Check domain-wide delegation in the Admin console (Security > API controls > Domain-wide "
				+ "delegation): the service account's client id must be granted " + String.join(", ",
						GoogleProperties.SCOPES)
				+ ", and idsync.google.subject must name a Workspace admin.";
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
