package dev.idsync.sim.phorge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the simulator in tests: posts form data and parses the JSON envelope with Jackson 3.
 */
final class ConduitTestClient {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	ConduitTestClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Calls {@code method} the way idsync's job does: {@code params=<json>} with the token in {@code __conduit__}. */
	Map<String, Object> call(String method, String token, Map<String, Object> params) {
		Map<String, Object> withToken = new LinkedHashMap<>(params);
		withToken.put("__conduit__", Map.of("token", token));
		return envelope(post(method, List.of(Map.entry("params", JsonMapper.shared().writeValueAsString(withToken)))));
	}

	/** Posts raw (unencoded) form pairs and returns the response body. */
	String post(String method, List<Map.Entry<String, String>> pairs) {
		String body = pairs.stream()
			.map((pair) -> encode(pair.getKey()) + "=" + encode(pair.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/" + method))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	/** Sends any request. */
	<T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Parses a response envelope. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> envelope(String body) {
		return JsonMapper.shared().readValue(body, Map.class);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
