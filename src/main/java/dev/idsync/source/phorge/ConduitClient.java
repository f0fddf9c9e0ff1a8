package dev.idsync.source.phorge;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.config.Secret;

/**
 * Calls Conduit methods the way Phorge's own clients do: form-encoded {@code params=<json>} with the token in
 * {@code __conduit__}; every answer is HTTP 200 with {@code result}, {@code error_code} and {@code error_info}.
 */
final class ConduitClient {

	private static final int ATTEMPTS = 3;

	private final JsonMapper json = JsonMapper.builder().build();

	private final OkHttpClient http;

	private final URI baseUrl;

	private final Secret token;

	private final Redactor redactor;

	private final Duration backoff;

	ConduitClient(URI baseUrl, Secret token, Duration timeout, Duration backoff) {
		this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).build();
		this.baseUrl = baseUrl;
		this.token = token;
		this.redactor = new Redactor(token.reveal());
		this.backoff = backoff;
	}

	/** A new, empty parameter object. */
	ObjectNode params() {
		return this.json.createObjectNode();
	}

	/**
	 * Calls a method, retrying I/O failures, 5xx answers and Phorge's rate limiter (HTTP 429) a bounded number of
	 * times; Conduit errors (permissions, validation) are never retried.
	 * @param method the method, e.g. {@code user.search}
	 * @param params its parameters (the token is added here)
	 * @return the {@code result} member
	 * @throws ConduitException on any failure
	 */
	JsonNode call(String method, ObjectNode params) {
		ObjectNode withToken = params.deepCopy();
		withToken.putObject("__conduit__").put("token", this.token.reveal());
		FormBody body = new FormBody.Builder().add("params", this.json.writeValueAsString(withToken))
			.add("output", "json")
			.build();
		Request request = new Request.Builder().url(this.baseUrl + "/api/" + method).post(body).build();
		for (int attempt = 1;; attempt++) {
			try {
				return answer(method, request);
			}
			catch (Transient ex) {
				if (attempt >= ATTEMPTS) {
					throw new ConduitException(method, null, ex.getMessage() + " (after " + attempt + " attempts)",
							null);
				}
				pause(attempt);
			}
		}
	}

	private JsonNode answer(String method, Request request) {
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() == 429 || response.code() >= 500) {
				throw new Transient("HTTP " + response.code() + " from " + request.url().host());
			}
			ResponseBody body = response.body();
			String text = body.string();
			if (response.code() != 200) {
				throw new ConduitException(method, null, "unexpected HTTP " + response.code(), null);
			}
			return result(method, text);
		}
		catch (IOException ex) {
			throw new Transient(ex.getClass().getSimpleName() + " talking to " + request.url().host() + ": "
					+ this.redactor.redact(String.valueOf(ex.getMessage())));
		}
	}

	private JsonNode result(String method, String text) {
		JsonNode envelope;
		try {
			envelope = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new ConduitException(method, null, "the answer is not JSON (is the URL a Phorge instance?)", null);
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

	private void pause(int attempt) {
		try {
			Thread.sleep(this.backoff.toMillis() << (attempt - 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConduitException("(retry)", null, "interrupted", ex);
		}
	}

	/** A failure worth retrying. */
	private static final class Transient extends RuntimeException {

		Transient(String message) {
			super(message, null, false, false);
		}

	}

}
