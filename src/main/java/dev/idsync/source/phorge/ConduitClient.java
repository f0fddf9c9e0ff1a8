package dev.idsync.source.phorge;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Random;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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

	private final JsonMapper json = JsonMapper.builder().build();

	private final OkHttpClient http;

	private final URI baseUrl;

	private final Secret token;

	private final Redactor redactor;

	private final Retrying retrying;

	ConduitClient(URI baseUrl, Secret token, Duration timeout, RetryProperties retry, Retrying.Sleeper sleeper) {
		this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).build();
		this.baseUrl = baseUrl;
		this.token = token;
		this.redactor = new Redactor(token.reveal());
		this.retrying = new Retrying(retry, sleeper, new Random());
	}

	/** A new, empty parameter object. */
	ObjectNode params() {
		return this.json.createObjectNode();
	}

	/**
	 * Calls a method, retrying I/O failures, 5xx answers, Phorge's rate limiter (HTTP 429, plain text) and broken
	 * answers a bounded number of times; Conduit errors (permissions, validation) are never retried.
	 * @param method the method, e.g. {@code user.search}
	 * @param params its parameters (the token is added here)
	 * @return the {@code result} member, with the retries it took
	 * @throws ConduitException on any failure
	 */
	Outcome<JsonNode> call(String method, ObjectNode params) {
		ObjectNode withToken = params.deepCopy();
		withToken.putObject("__conduit__").put("token", this.token.reveal());
		FormBody body = new FormBody.Builder().add("params", this.json.writeValueAsString(withToken))
			.add("output", "json")
			.build();
		Request request = new Request.Builder().url(this.baseUrl + "/api/" + method).post(body).build();
		return this.retrying.run(() -> answer(method, request), (failure) -> judge(method, failure));
	}

	private JsonNode answer(String method, Request request) throws IOException {
		try (Response response = this.http.newCall(request).execute()) {
			String text = response.body().string();
			if (response.code() == 429 || response.code() >= 500) {
				throw new Passing("HTTP " + response.code() + " from " + request.url().host()
						+ ((response.code() == 429) ? " (Phorge's rate limiter)" : ""), response.code() == 429);
			}
			if (response.code() != 200) {
				throw new ConduitException(method, null, "unexpected HTTP " + response.code(), null);
			}
			return result(method, text);
		}
	}

	private Verdict judge(String method, Exception failure) {
		if (failure instanceof ConduitException conduit) {
			return new Verdict.GiveUp(conduit);
		}
		if (failure instanceof Passing passing) {
			return new Verdict.Retry("conduit", method + ": " + passing.getMessage(), null, passing.rateLimit);
		}
		return new Verdict.Retry("conduit", method + ": " + failure.getClass().getSimpleName() + " talking to "
				+ this.baseUrl.getHost() + ": " + this.redactor.redact(String.valueOf(failure.getMessage())), null,
				false);
	}

	private JsonNode result(String method, String text) {
		JsonNode envelope;
		try {
			envelope = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new Passing("the answer is not JSON (a broken answer, or the URL is not a Phorge instance)", false);
		}
		if (!envelope.isObject() || !envelope.has("result")) {
			throw new ConduitException(method, null, "the answer is not a Conduit envelope", null);
		}
		JsonNode code = envelope.path("error_code");
		if (!code.isNull() && !code.isMissingNode()) {
			String info = envelope.path("error_info").asString("");
			throw new ConduitException(method, code.asString(), code.asString() + ": " + this.redactor.redact(info),
					null);
		}
		return envelope.get("result");
	}

	/** A failure worth retrying. */
	private static final class Passing extends RuntimeException {

		private final boolean rateLimit;

		Passing(String message, boolean rateLimit) {
			super(message, null, false, false);
			this.rateLimit = rateLimit;
		}

	}

}
