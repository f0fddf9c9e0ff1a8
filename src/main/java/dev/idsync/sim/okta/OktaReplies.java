package dev.idsync.sim.okta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.idsync.sim.SimExchange;
import dev.idsync.sim.okta.MinuteBudget.Quota;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the simulated org's answers: JSON bodies, Okta's error object and the rate-limit headers every response
 * carries. The JDK server adds {@code Date} itself, from the wall clock; Okta's SDK needs it on a 429.
 */
final class OktaReplies {

	private static final String JSON = "application/json";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong errorIds = new AtomicLong();

	ObjectNode object() {
		return this.mapper.createObjectNode();
	}

	ArrayNode array() {
		return this.mapper.createArrayNode();
	}

	byte[] bytes(JsonNode node) {
		return this.mapper.writeValueAsBytes(node);
	}

	/** Answers {@code body} with {@code quota}'s headers and {@code extra} ones. */
	void json(SimExchange exchange, int status, JsonNode body, Quota quota, Map<String, List<String>> extra) {
		json(exchange, status, bytes(body), quota.headers(), extra);
	}

	/** Answers raw JSON bytes with {@code base} and {@code extra} headers. */
	void json(SimExchange exchange, int status, byte[] body, Map<String, List<String>> base,
			Map<String, List<String>> extra) {
		Map<String, List<String>> headers = new LinkedHashMap<>(base);
		headers.putAll(extra);
		exchange.respond(status, JSON, body, headers, false);
	}

	/** Answers Okta's error object for {@code error}. */
	void error(SimExchange exchange, OktaApiError error, Map<String, List<String>> headers) {
		json(exchange, error.status(), bytes(errorBody(error)), headers, Map.of());
	}

	/** Okta's error object: {@code errorCode, errorSummary, errorLink, errorId, errorCauses}. */
	private ObjectNode errorBody(OktaApiError error) {
		ObjectNode node = object();
		node.put("errorCode", error.code());
		node.put("errorSummary", error.summary());
		node.put("errorLink", error.code());
		node.put("errorId", String.format("oaesim%019d", this.errorIds.incrementAndGet()));
		node.putArray("errorCauses");
		return node;
	}

	/** Answers {@code error} as OAuth 2.0 does, uncached like every token response. */
	void oauthError(SimExchange exchange, OktaOAuthError error, Quota quota) {
		ObjectNode body = object();
		body.put("error", error.error());
		body.put("error_description", error.description());
		json(exchange, error.status(), body, quota, noStore());
	}

	/** The headers Okta's token endpoint sends so that no cache keeps a token. */
	static Map<String, List<String>> noStore() {
		return Map.of("Cache-Control", List.of("no-cache, no-store"), "Pragma", List.of("no-cache"));
	}

}
