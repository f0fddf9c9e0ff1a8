package dev.idsync.sim.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.idsync.sim.SimExchange;
import dev.idsync.sim.SimServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Google Workspace customer serving the Admin SDK Directory API's {@code users.list} as Google does:
 * bearer tokens, {@code customer} or {@code domain}, {@code maxResults} up to 500, opaque page tokens, and deleted
 * users only with {@code showDeleted=true}.
 */
public final class GoogleSimServer extends SimServer {

	private static final String USERS = "/admin/directory/v1/users";

	private static final String JSON = "application/json; charset=UTF-8";

	private final List<GoogleSimUser> users;

	private final byte[] authorization;

	private final String customerId;

	private final Set<String> domains;

	private final GoogleUserJson userJson;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong requests = new AtomicLong();

	/**
	 * Starts the server.
	 * @param users the customer's users, deleted ones included
	 * @param accessToken the OAuth access token clients must send as {@code Bearer}
	 * @param customerId the customer's id (e.g. {@code C01abcdef}); {@code my_customer} names it too
	 * @param port the port, or 0 for an ephemeral one
	 */
	public GoogleSimServer(List<GoogleSimUser> users, String accessToken, String customerId, int port) {
		super(port, 8);
		this.users = List.copyOf(users);
		this.authorization = ("Bearer " + accessToken).getBytes(StandardCharsets.UTF_8);
		this.customerId = customerId;
		this.domains = users.stream().map((user) -> domainOf(user.primaryEmail())).collect(Collectors.toSet());
		this.userJson = new GoogleUserJson(customerId);
		start();
	}

	/** How many requests arrived, whatever their outcome. */
	public long requestCount() {
		return this.requests.get();
	}

	@Override
	protected void handle(SimExchange exchange) {
		this.requests.incrementAndGet();
		try {
			serve(exchange);
		}
		catch (GoogleApiError error) {
			ObjectNode body = this.mapper.createObjectNode();
			error.write(body);
			String challenge = error.challenge();
			respond(exchange, error.code(), body,
					(challenge != null) ? Map.of("WWW-Authenticate", List.of(challenge)) : Map.of());
		}
	}

	private void serve(SimExchange exchange) {
		authorize(exchange.header("Authorization"));
		if (!exchange.path().equals(USERS) || !exchange.method().equals("GET")) {
			throw GoogleApiError.notFound();
		}
		GoogleUserQuery.Page page = GoogleUserQuery.of(exchange, this.customerId, this.domains).page(this.users);
		respond(exchange, 200, page(page), Map.of());
	}

	private void authorize(@Nullable String header) {
		if (header == null) {
			throw GoogleApiError.missingCredentials();
		}
		if (!MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), this.authorization)) {
			throw GoogleApiError.invalidCredentials();
		}
	}

	private ObjectNode page(GoogleUserQuery.Page page) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("kind", "admin#directory#users");
		node.put("etag", GoogleUserJson.etag(page.users().stream().map(GoogleSimUser::id).toList().toString()));
		// Google leaves the users key out of an empty page.
		if (!page.users().isEmpty()) {
			ArrayNode users = node.putArray("users");
			page.users().forEach((user) -> this.userJson.write(user, users.addObject()));
		}
		if (page.nextPageToken() != null) {
			node.put("nextPageToken", page.nextPageToken());
		}
		return node;
	}

	private void respond(SimExchange exchange, int status, ObjectNode body, Map<String, List<String>> headers) {
		exchange.respond(status, JSON, this.mapper.writeValueAsBytes(body), headers, true);
	}

	static String domainOf(String email) {
		return email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

}
