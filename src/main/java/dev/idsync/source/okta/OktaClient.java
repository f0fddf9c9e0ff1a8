package dev.idsync.source.okta;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.client.ClientBuilder;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;

import dev.idsync.config.Endpoints;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.Retrying;
import dev.idsync.source.Retrying.Outcome;
import dev.idsync.source.Retrying.Verdict;
import dev.idsync.source.SourceException;

/**
 * The Okta SDK's client, used the way a good citizen of a shared org should: never more than a configured number of
 * requests in flight, pausing before the rate-limit window runs out instead of running into 429s, retrying what
 * retrying can fix (5xx, broken answers, 429 with Okta's own {@code Date} and {@code X-Rate-Limit-Reset}), and
 * building the client lazily so that an authentication failure is a failed read, not a failed run. An Okta that gives
 * no answer at all until a request's attempts run out is not asked again by this client: every later request fails
 * at once with that first failure (a 429 is an answer, and its waits are never cut short).
 */
final class OktaClient {

	private static final Object BUILDER_LOCK = new Object();

	private final OktaProperties properties;

	private final Secret credential;

	private final Semaphore inFlight;

	private final Retrying retrying;

	private final Clock clock;

	private final Retrying.Sleeper sleeper;

	private volatile @Nullable ApiClient client;

	private volatile @Nullable Window window;

	OktaClient(OktaProperties properties, Secret credential, Retrying.Sleeper sleeper, Clock clock) {
		this.properties = properties;
		this.credential = credential;
		this.inFlight = new Semaphore(properties.maxInFlight(), true);
		this.retrying = new Retrying(properties.retry(), sleeper, new Random());
		this.sleeper = sleeper;
		this.clock = clock;
	}

	/**
	 * Makes one SDK call with pacing, the in-flight limit and retries.
	 * @param what the request, for messages (e.g. {@code GET /api/v1/users})
	 * @param call the call on the SDK's client
	 * @return the result and what it took
	 * @throws SourceException when the call cannot succeed
	 */
	<T> Outcome<T> fetch(String what, Function<ApiClient, T> call) {
		int[] paced = { 0 };
		Outcome<T> outcome = this.retrying.run(() -> {
			paced[0] += pace();
			this.inFlight.acquire();
			try {
				ApiClient api = client();
				T result = call.apply(api);
				remember(api.getResponseHeaders());
				return result;
			}
			finally {
				this.inFlight.release();
			}
		}, (failure) -> judge(what, failure));
		return new Outcome<>(outcome.value(), outcome.retries(), outcome.rateLimitWaits() + paced[0]);
	}

	/**
	 * Proves the credential with the cheapest request: with a private key, the service app's access token (which the
	 * SDK requests while the client is built); with an SSWS token, one user ({@code GET /api/v1/users?limit=1}).
	 * @return what Okta accepted, for the log
	 * @throws SourceException when Okta refuses the credential (naming the properties that hold it) or does not answer
	 */
	String checkCredential() {
		if (this.properties.usesPrivateKey()) {
			fetch("POST /oauth2/v1/token", (client) -> client);
			return "okta: the service app " + this.properties.clientId() + " signed in at " + this.properties.url();
		}
		fetch("GET /api/v1/users?limit=1",
				(client) -> new UserApi(client).listUsers(null, null, null, 1, null, null, null, null));
		return "okta: the API token was accepted at " + this.properties.url();
	}

	/** Waits for the rate-limit window to reset when the last answer said too few requests remain. */
	private int pace() {
		Window last = this.window;
		if (last == null || last.remaining() > this.properties.paceBelow()) {
			return 0;
		}
		long wait = last.resetMillis() - last.serverMillis() - (this.clock.millis() - last.receivedMillis()) + 100;
		if (wait <= 0) {
			return 0;
		}
		this.sleeper.sleep(Duration.ofMillis(wait));
		this.window = null;
		return 1;
	}

	private void remember(@Nullable Map<String, List<String>> headers) {
		Window seen = Window.of(headers, this.clock.millis());
		if (seen != null) {
			this.window = seen;
		}
	}

	private Verdict judge(String what, Exception failure) {
		if (failure instanceof SourceException source) {
			return new Verdict.GiveUp(source);
		}
		Optional<Verdict.Unreachable> silence = Verdict.Unreachable.of("okta", "Okta at " + this.properties.url(),
				failure, this.properties.timeout());
		if (silence.isPresent()) {
			return silence.get();
		}
		if (!(failure instanceof ApiException api)) {
			return new Verdict.Retry("okta", what + ": unreadable answer (" + failure.getClass().getSimpleName() + ")",
					null, false);
		}
		int status = api.getCode();
		if (status == 429) {
			Window limit = Window.of(api.getResponseHeaders(), this.clock.millis());
			Duration pause = (limit != null) ? Duration.ofMillis(Math.max(1_000,
					limit.resetMillis() - limit.serverMillis() + 1_000)) : null;
			return new Verdict.Retry("okta", what + ": HTTP 429 (rate limit)", pause, true);
		}
		if (status == 0 || status >= 500) {
			return new Verdict.Retry("okta", what + ": " + ((status == 0) ? "I/O error talking to "
					+ this.properties.url() + " (" + rootMessage(api) + ")" : "HTTP " + status), null, false);
		}
		return new Verdict.GiveUp(new SourceException("okta", what + ": HTTP " + status + hint(status), null));
	}

	private String hint(int status) {
		return switch (status) {
			case 401 -> this.properties.usesPrivateKey()
					? " (the service app's access token was refused: check " + credentialProperties() + ")"
					: " (is the API token in " + credentialProperties() + " valid and not expired?)";
			case 403 -> " (missing permission: the token's admin role, or a scope the service app was not granted: "
					+ String.join(", ", this.properties.scopes()) + ")";
			case 404 -> " (not found)";
			default -> "";
		};
	}

	/** Where the credential comes from, as the configuration names it. */
	private String credentialProperties() {
		if (this.properties.usesPrivateKey()) {
			return "idsync.okta.client-id, idsync.okta.key-id and the private key in " + ((this.properties
				.privateKeyFile() != null) ? "idsync.okta.private-key-file (" + this.properties.privateKeyFile() + ")"
						: "$" + this.properties.privateKeyEnv());
		}
		return (this.properties.tokenFile() != null) ? "idsync.okta.token-file (" + this.properties.tokenFile() + ")"
				: "$" + this.properties.tokenEnv();
	}

	private ApiClient client() {
		ApiClient built = this.client;
		if (built == null) {
			built = build();
			this.client = built;
		}
		return built;
	}

	/**
	 * Builds the SDK client with its cache off and its own retries off (idsync retries, counting them). The SDK
	 * refuses plain http unless a system property is set before the builder is created; idsync sets it only for
	 * loopback URLs (the simulator), and only around the build. With a private key the build requests a token at once;
	 * an Okta that does not answer that request is left to the retries, anything else is a refused credential.
	 */
	private ApiClient build() {
		boolean loopback = Endpoints.isLoopback(URI.create(this.properties.url()).getHost());
		synchronized (BUILDER_LOCK) {
			String property = "okta.testing.disableHttpsCheck";
			String previous = System.getProperty(property);
			try {
				if (loopback) {
					System.setProperty(property, "true");
				}
				ClientBuilder builder = Clients.builder()
					.setOrgUrl(this.properties.url())
					.setCacheManager(Caches.newDisabledCacheManager())
					.setConnectionTimeout(seconds(this.properties.timeout()))
					.setRetryMaxAttempts(0);
				return credentials(builder).build();
			}
			catch (ApiException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				if (Verdict.Unreachable.of("okta", this.properties.url(), ex, this.properties.timeout()).isPresent()) {
					throw ex;
				}
				throw new SourceException("okta", "cannot authenticate to " + this.properties.url() + ": "
						+ rootMessage(ex) + " (check " + credentialProperties() + ")", null);
			}
			finally {
				if (previous == null) {
					System.clearProperty(property);
				}
				else {
					System.setProperty(property, previous);
				}
			}
		}
	}

	private ClientBuilder credentials(ClientBuilder builder) {
		if (!this.properties.usesPrivateKey()) {
			return builder.setClientCredentials(new TokenClientCredentials(this.credential.reveal()));
		}
		return builder.setAuthorizationMode(AuthorizationMode.PRIVATE_KEY)
			.setClientId(this.properties.clientId())
			.setKid(this.properties.keyId())
			.setScopes(new HashSet<>(this.properties.scopes()))
			.setPrivateKey(this.credential.reveal());
	}

	/** The SDK counts its timeout in whole seconds. */
	private static int seconds(Duration timeout) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.plusMillis(999).toSeconds()));
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * Okta's rate-limit window as the last answer described it.
	 * @param remaining requests left in the window
	 * @param resetMillis when the window resets (server time)
	 * @param serverMillis the server's time when it answered ({@code Date})
	 * @param receivedMillis idsync's time when the answer arrived
	 */
	record Window(int remaining, long resetMillis, long serverMillis, long receivedMillis) {

		static @Nullable Window of(@Nullable Map<String, List<String>> headers, long now) {
			String remaining = header(headers, "X-Rate-Limit-Remaining");
			String reset = header(headers, "X-Rate-Limit-Reset");
			if (remaining == null || reset == null) {
				return null;
			}
			String date = header(headers, "Date");
			long server = now;
			if (date != null) {
				try {
					server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
						.toInstant()
						.toEpochMilli();
				}
				catch (DateTimeParseException ex) {
					server = now;
				}
			}
			try {
				return new Window(Integer.parseInt(remaining.trim()), Long.parseLong(reset.trim()) * 1_000, server,
						now);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		private static @Nullable String header(@Nullable Map<String, List<String>> headers, String name) {
			if (headers == null) {
				return null;
			}
			for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
				if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
					return entry.getValue().get(0);
				}
			}
			return null;
		}

	}

}
