package dev.idsync.sim.okta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP against a simulated org, for what the SDK hides: headers, bodies and broken answers.
 */
final class OktaHttp {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final OktaSimServer server;

	OktaHttp(OktaSimServer server) {
		this.server = server;
	}

	/** A GET with {@code Authorization: SSWS <token>} of the test org. */
	HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return get(pathAndQuery, "SSWS " + OktaTestOrg.TOKEN);
	}

	HttpResponse<String> get(String pathAndQuery, String authorization) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + pathAndQuery))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A form POST to the token endpoint. */
	HttpResponse<String> token(Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/oauth2/v1/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The form fields of a client-credentials request with {@code assertion}. */
	static Map<String, String> form(String assertion, String scope) {
		return Map.of("grant_type", "client_credentials", "client_assertion_type",
				"urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion, "scope",
				scope);
	}

	static JsonNode json(HttpResponse<String> response) {
		try {
			return MAPPER.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException("Not JSON: " + response.body(), ex));
		}
	}

}
