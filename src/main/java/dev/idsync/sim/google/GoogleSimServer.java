package dev.idsync.sim.google;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.idsync.sim.Faults;
import dev.idsync.sim.SimExchange;
import dev.idsync.sim.SimServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Google Workspace customer serving the Admin SDK Directory API's {@code users.list} and
 * {@code members.list} as Google does, and the OAuth token endpoint a service account with domain-wide delegation
 * signs in at: bearer tokens with scopes, opaque page tokens, Google's JSON errors and injected faults.
 */
public final class GoogleSimServer extends SimServer {

	static final String JSON = "application/json; charset=UTF-8";

	private final GoogleGrants grants;

	private final GoogleTokenEndpoint tokenEndpoint;

	private final GoogleListings listings;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Queue<GoogleSimError> forcedErrors = new ConcurrentLinkedQueue<>();

	private final AtomicLong requests = new AtomicLong();

	private final Map<GoogleEndpoint, AtomicLong> requestsByEndpoint = new EnumMap<>(GoogleEndpoint.class);

	/**
	 * Starts the server.
	 * @param customer the customer: users, groups, static access token and delegated service account
	 * @param port the port, or 0 for an ephemeral one
	 * @param faults the faults to inject into listings (source {@code google})
	 */
	public GoogleSimServer(GoogleSimCustomer customer, int port, Faults faults) {
		super(port, 8);
		GoogleDirectory directory = new GoogleDirectory(customer.users(), customer.groups());
		this.grants = new GoogleGrants(customer.accessToken(), Clock.systemUTC());
		this.tokenEndpoint = new GoogleTokenEndpoint(customer.serviceAccount(), tokenUri(), directory, this.grants,
				this.mapper);
		this.listings = new GoogleListings(directory, customer.customerId(), new GoogleFaultyPages(faults, this.mapper),
				this.mapper);
		for (GoogleEndpoint endpoint : GoogleEndpoint.values()) {
			this.requestsByEndpoint.put(endpoint, new AtomicLong());
		}
		start();
	}

	/** Starts the server without faults. */
	public GoogleSimServer(GoogleSimCustomer customer, int port) {
		this(customer, port, Faults.none());
	}

	/**
	 * Starts the server for a customer without groups, whose service account nobody can use.
	 * @param users the customer's users, deleted ones included
	 * @param accessToken the OAuth access token clients must send as {@code Bearer}
	 * @param customerId the customer's id (e.g. {@code C01abcdef}); {@code my_customer} names it too
	 * @param port the port, or 0 for an ephemeral one
	 */
	public GoogleSimServer(List<GoogleSimUser> users, String accessToken, String customerId, int port) {
		this(new GoogleSimCustomer(users, List.of(), customerId, accessToken, unusableServiceAccount()), port);
	}

	/** The token endpoint's URI, for a service account key's {@code token_uri}. */
	public String tokenUri() {
		return baseUrl() + "/token";
	}

	/**
	 * Makes the next Directory API requests (users or members, once authenticated) fail, one error each, in order.
	 * @param errors the errors to answer
	 */
	public void failNext(GoogleSimError... errors) {
		this.forcedErrors.addAll(List.of(errors));
	}

	/** How many requests arrived, whatever their outcome. */
	public long requestCount() {
		return this.requests.get();
	}

	/** How many {@code users.list} requests arrived, whatever their outcome. */
	public long usersRequestCount() {
		return this.requestsByEndpoint.get(GoogleEndpoint.USERS).get();
	}

	/** How many {@code members.list} requests arrived, whatever their outcome. */
	public long membersRequestCount() {
		return this.requestsByEndpoint.get(GoogleEndpoint.MEMBERS).get();
	}

	/** How many token requests arrived, whatever their outcome. */
	public long tokenRequestCount() {
		return this.requestsByEndpoint.get(GoogleEndpoint.TOKEN).get();
	}

	@Override
	protected void handle(SimExchange exchange) {
		GoogleEndpoint endpoint = GoogleEndpoint.of(exchange.method(), exchange.path());
		this.requests.incrementAndGet();
		this.requestsByEndpoint.get(endpoint).incrementAndGet();
		try {
			serve(endpoint, exchange);
		}
		catch (GoogleApiError error) {
			ObjectNode body = this.mapper.createObjectNode();
			error.write(body);
			String challenge = error.challenge();
			respond(exchange, error.code(), body,
					(challenge != null) ? Map.of("WWW-Authenticate", List.of(challenge)) : Map.of());
		}
		catch (GoogleTokenError error) {
			ObjectNode body = this.mapper.createObjectNode();
			error.write(body);
			respond(exchange, error.status(), body, Map.of());
		}
	}

	private void serve(GoogleEndpoint endpoint, SimExchange exchange) {
		if (endpoint == GoogleEndpoint.TOKEN) {
			respond(exchange, 200, this.tokenEndpoint.grant(exchange.body()), Map.of());
			return;
		}
		GoogleGrant grant = authenticate(exchange.header("Authorization"));
		if (endpoint == GoogleEndpoint.OTHER) {
			throw GoogleApiError.notFound();
		}
		if (!grant.hasAnyOf(endpoint.scopes())) {
			throw GoogleApiError.insufficientScopes(endpoint.scopes());
		}
		if (!grant.admin()) {
			throw GoogleApiError.forbidden();
		}
		GoogleSimError forced = this.forcedErrors.poll();
		if (forced != null) {
			throw forced.toApiError();
		}
		if (endpoint == GoogleEndpoint.USERS) {
			this.listings.listUsers(exchange);
		}
		else {
			this.listings.listMembers(exchange, endpoint.pathVariable(exchange.path()));
		}
	}

	private GoogleGrant authenticate(@Nullable String header) {
		if (header == null) {
			throw GoogleApiError.missingCredentials();
		}
		GoogleGrant grant = header.startsWith("Bearer ") ? this.grants.find(header.substring(7)) : null;
		if (grant == null) {
			throw GoogleApiError.invalidCredentials();
		}
		return grant;
	}

	private void respond(SimExchange exchange, int status, ObjectNode body, Map<String, List<String>> headers) {
		exchange.respond(status, JSON, this.mapper.writeValueAsBytes(body), headers, true);
	}

	/** A service account no assertion can satisfy: nobody holds its key, and no scope is delegated to it. */
	private static GoogleSimServiceAccount unusableServiceAccount() {
		try {
			PublicKey key = KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(BigInteger.TWO.pow(2048).subtract(BigInteger.ONE),
						BigInteger.valueOf(65537)));
			return new GoogleSimServiceAccount("nobody@unusable.iam.gserviceaccount.com", "0", "none", key,
					"nobody@unusable.invalid", Set.of());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is missing from this JVM", ex);
		}
	}

}
