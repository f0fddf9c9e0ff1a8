package dev.idsync.source.phorge;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.Retrying;
import dev.idsync.source.Retrying.Outcome;
import dev.idsync.source.Retrying.Verdict;

/**
 * Calls Conduit methods the way Phorge's own clients do: form-encoded {@code params=<json>} with the token in
 * {@code __conduit__}; every answer is HTTP 200 with {@code result}, {@code error_code} and {@code error_info}.
 */
final class ConduitClient {

	private static final String USER_AGENT = "idsync/" + version();

	private final JsonMapper json = JsonMapper.builder().build();

	private final OkHttpClient http;

	private final URI baseUrl;

	private final Secret token;

	private final Redactor redactor;

	private final Retrying retrying;

	private final Duration timeout;

	private final ConduitCalls calls;

	/**
	 * Creates the client. OkHttp asks for gzip by itself ({@code Accept-Encoding: gzip}, which Phorge honours) and
	 * unpacks the answer; redirects are not followed, because following one turns the POST into a GET without the
	 * token. The timeout bounds each attempt as a whole (connecting to every address the name resolves to, sending,
	 * waiting and reading), so that a dead Phorge costs at most attempts × timeout plus the backoff.
	 */
	ConduitClient(URI baseUrl, Secret token, Duration timeout, RetryProperties retry, Retrying.Sleeper sleeper) {
		this(baseUrl, token, timeout, new Retrying(retry, sleeper, new Random()));
	}

	/**
	 * Creates a client that shares its retry loop, and so what is known of Phorge's reachability in this run, with
	 * another (one presenting another token).
	 */
	ConduitClient(URI baseUrl, Secret token, Duration timeout, Retrying retrying) {
		this(baseUrl, token, timeout, retrying, new ConduitCalls());
	}

	/**
	 * Creates a client that shares its retry loop with another, as above, and counts its calls with the other's (one
	 * presenting another token in the same run).
	 */
	ConduitClient(URI baseUrl, Secret token, Duration timeout, Retrying retrying, ConduitCalls calls) {
		this.http = new OkHttpClient.Builder().connectTimeout(timeout)
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.callTimeout(timeout)
			.followRedirects(false)
			.build();
		this.timeout = timeout;
		this.baseUrl = baseUrl;
		this.token = token;
		this.redactor = new Redactor(token.reveal());
		this.retrying = retrying;
		this.calls = calls;
	}

	/** How many times each method was called through this client (and those sharing its count). */
	ConduitCalls calls() {
		return this.calls;
	}

	/** A new, empty parameter object. */
	ObjectNode params() {
		return this.json.createObjectNode();
	}

	/**
	 * Calls a method, retrying I/O failures, 5xx answers, Phorge's rate limiter (HTTP 429, plain text) and answers
	 * that are not JSON a bounded number of times; Conduit errors (permissions, validation) are never retried.
	 * @param method the method, e.g. {@code user.search}
	 * @param params its parameters (the token is added here)
	 * @return the {@code result} member, with the retries it took
	 * @throws ConduitException on any failure, of kind {@link ConduitFailure#TRANSPORT} (or
	 * {@link ConduitFailure#MALFORMED} for answers that stayed unreadable) once the attempts ran out; at once, of kind
	 * {@link ConduitFailure#TRANSPORT} with the first call's message, once a call found Phorge unreachable (no answer
	 * at all until its attempts ran out): Phorge is not asked again by this client
	 */
	Outcome<JsonNode> call(String method, ObjectNode params) {
		this.calls.count(method);
		ObjectNode withToken = params.deepCopy();
		withToken.putObject("__conduit__").put("token", this.token.reveal());
		FormBody body = new FormBody.Builder().add("params", this.json.writeValueAsString(withToken))
			.add("output", "json")
			.build();
		Request request = new Request.Builder().url(this.baseUrl + "/api/" + method)
			.header("User-Agent", USER_AGENT)
			.post(body)
			.build();
		return this.retrying.run(() -> answer(method, request), this::judge,
				(exhaustion) -> new ConduitException(method, kindOf(exhaustion.lastFailure()), null,
						this.redactor.redact(exhaustion.message()), exhaustion.retries(),
						exhaustion.rateLimitWaits()));
	}

	private JsonNode answer(String method, Request request) throws IOException {
		try (Response response = this.http.newCall(request).execute()) {
			String text = response.body().string();
			if (response.code() == 429 || response.code() >= 500) {
				throw new Passing("HTTP " + response.code() + " from " + request.url().host()
						+ ((response.code() == 429) ? " (Phorge's rate limiter)" : ""), ConduitFailure.TRANSPORT,
						response.code() == 429);
			}
			if (response.code() != 200) {
				String location = response.header("Location");
				throw failure(method, ConduitFailure.MALFORMED, null, "unexpected HTTP " + response.code()
						+ ((location != null) ? ", redirected to " + location + ": set idsync.phorge.url to the "
								+ "address Phorge answers on" : ""));
			}
			return result(method, text);
		}
	}

	private Verdict judge(Exception failure) {
		if (failure instanceof ConduitException conduit) {
			return new Verdict.GiveUp(conduit);
		}
		if (failure instanceof Passing passing) {
			return new Verdict.Retry("conduit", passing.getMessage(), null, passing.rateLimit);
		}
		Optional<Verdict.Unreachable> silence = Verdict.Unreachable.of("conduit", "Conduit at " + this.baseUrl,
				failure, this.timeout);
		if (silence.isPresent()) {
			return silence.get();
		}
		return new Verdict.Retry("conduit", failure.getClass().getSimpleName() + " talking to "
				+ this.baseUrl.getHost() + ": " + this.redactor.redact(String.valueOf(failure.getMessage())), null,
				false);
	}

	private static ConduitFailure kindOf(Exception failure) {
		return (failure instanceof Passing passing) ? passing.kind : ConduitFailure.TRANSPORT;
	}

	private JsonNode result(String method, String text) {
		JsonNode envelope;
		try {
			envelope = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new Passing("the answer is not JSON (a broken answer, or the URL is not a Phorge instance)",
					ConduitFailure.MALFORMED, false);
		}
		if (!envelope.isObject() || !envelope.has("result")) {
			throw failure(method, ConduitFailure.MALFORMED, null, "the answer is not a Conduit envelope");
		}
		JsonNode code = envelope.path("error_code");
		if (!code.isNull() && !code.isMissingNode()) {
			String info = envelope.path("error_info").asString("");
			throw failure(method, ConduitFailure.of(code.asString(), info), code.asString(), code.asString() + ": "
					+ info);
		}
		return envelope.get("result");
	}

	/** A failure of {@code method}, its message freed of idsync's token (Phorge echoes it). */
	ConduitException failure(String method, ConduitFailure kind, @Nullable String errorCode, String message) {
		return new ConduitException(method, kind, errorCode, this.redactor.redact(message));
	}

	private static String version() {
		String version = ConduitClient.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	/** A failure worth retrying. */
	private static final class Passing extends RuntimeException {

		private final ConduitFailure kind;

		private final boolean rateLimit;

		Passing(String message, ConduitFailure kind, boolean rateLimit) {
			super(message, null, false, false);
			this.kind = kind;
			this.rateLimit = rateLimit;
		}

	}

}
