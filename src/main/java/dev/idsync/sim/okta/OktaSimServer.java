package dev.idsync.sim.okta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.idsync.sim.SimExchange;
import dev.idsync.sim.SimServer;
import dev.idsync.sim.okta.MinuteBudget.Quota;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Okta org serving {@code GET /api/v1/users} as Okta does: SSWS tokens, cursor paging through one
 * {@code Link} header per relation, DEPROVISIONED users only when filtered for, and a per-minute rate limit with
 * Okta's headers and 429s.
 */
public final class OktaSimServer extends SimServer {

	/** Okta's default per-minute limit of {@code /api/v1/users} for Enterprise and Workforce orgs. */
	public static final int DEFAULT_USERS_PER_MINUTE = 600;

	private static final String USERS = "/api/v1/users";

	private final List<OktaSimUser> usersById;

	private final byte[] authorization;

	private final MinuteBudget budget;

	private final OktaUserJson userJson;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final AtomicLong errorIds = new AtomicLong();

	/**
	 * Starts the server.
	 * @param users the org's users, ids unique
	 * @param apiToken the SSWS token clients must send
	 * @param clock the clock of the rate-limit windows ({@code Date} comes from the JDK server's wall clock)
	 * @param port the port, or 0 for an ephemeral one
	 * @param usersPerMinute the budget of {@code /api/v1/users} requests per minute window
	 */
	public OktaSimServer(List<OktaSimUser> users, String apiToken, Clock clock, int port, int usersPerMinute) {
		super(validated(port, users, usersPerMinute), 8);
		this.usersById = users.stream().sorted(Comparator.comparing(OktaSimUser::id)).toList();
		this.authorization = ("SSWS " + apiToken).getBytes(StandardCharsets.UTF_8);
		this.budget = new MinuteBudget(clock, usersPerMinute);
		this.userJson = new OktaUserJson(baseUrl());
		start();
	}

	/** Starts the server with Okta's default budget of {@value #DEFAULT_USERS_PER_MINUTE} requests a minute. */
	public OktaSimServer(List<OktaSimUser> users, String apiToken, Clock clock, int port) {
		this(users, apiToken, clock, port, DEFAULT_USERS_PER_MINUTE);
	}

	/** How many requests arrived, whatever their outcome. */
	public long requestCount() {
		return this.requests.get();
	}

	/** How many requests were refused with 429. */
	public long rateLimitedCount() {
		return this.rateLimited.get();
	}

	/** Checks the arguments before {@code super()} binds the port, so that a bad one leaks no listening server. */
	private static int validated(int port, List<OktaSimUser> users, int usersPerMinute) {
		if (new HashSet<>(users.stream().map(OktaSimUser::id).toList()).size() != users.size()) {
			throw new IllegalArgumentException("Okta user ids must be unique");
		}
		if (usersPerMinute < 1) {
			throw new IllegalArgumentException("usersPerMinute must be at least 1, was " + usersPerMinute);
		}
		return port;
	}

	@Override
	protected void handle(SimExchange exchange) {
		this.requests.incrementAndGet();
		try {
			serve(exchange);
		}
		catch (OktaApiError error) {
			respond(exchange, error.status(), error(error), this.budget.peek(), List.of());
		}
	}

	private void serve(SimExchange exchange) {
		authorize(exchange.header("Authorization"));
		if (!exchange.path().equals(USERS)) {
			throw OktaApiError.notFound(exchange.path());
		}
		if (!exchange.method().equals("GET")) {
			throw OktaApiError.methodNotAllowed();
		}
		Quota quota = this.budget.take();
		if (!quota.granted()) {
			this.rateLimited.incrementAndGet();
			respond(exchange, 429, error(OktaApiError.rateLimited()), quota, List.of());
			return;
		}
		OktaUserQuery query = OktaUserQuery.of(exchange);
		OktaUserQuery.Page page = query.page(this.usersById);
		respond(exchange, 200, users(page.users()), quota, query.links(baseUrl(), page));
	}

	private void authorize(@Nullable String header) {
		byte[] given = (header != null) ? header.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(given, this.authorization)) {
			throw OktaApiError.invalidToken();
		}
	}

	private ArrayNode users(List<OktaSimUser> users) {
		ArrayNode array = this.mapper.createArrayNode();
		users.forEach((user) -> this.userJson.write(user, array.addObject()));
		return array;
	}

	private ObjectNode error(OktaApiError error) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("errorCode", error.code());
		node.put("errorSummary", error.summary());
		node.put("errorLink", error.code());
		node.put("errorId", String.format("oaesim%019d", this.errorIds.incrementAndGet()));
		node.putArray("errorCauses");
		return node;
	}

	// The JDK server adds Date itself, from the wall clock; Okta's SDK needs it on a 429 to compute its wait.
	private void respond(SimExchange exchange, int status, JsonNode body, Quota quota, List<String> links) {
		Map<String, List<String>> headers = new LinkedHashMap<>(quota.headers());
		if (!links.isEmpty()) {
			headers.put("Link", links);
		}
		exchange.respond(status, "application/json", this.mapper.writeValueAsBytes(body), headers, false);
	}

}
