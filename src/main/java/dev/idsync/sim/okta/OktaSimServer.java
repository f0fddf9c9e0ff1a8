package dev.idsync.sim.okta;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.idsync.sim.Faults;
import dev.idsync.sim.SimExchange;
import dev.idsync.sim.SimServer;
import dev.idsync.sim.okta.MinuteBudget.Quota;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Okta org as Okta serves it: users, groups and their members, and app assignments, behind SSWS tokens
 * and OAuth 2.0 service-app tokens ({@code private_key_jwt}, scope-checked); cursor paging through one {@code Link}
 * header per relation; a per-minute rate limit per endpoint family with Okta's headers and 429s; and injected
 * faults on the pages of its user listings.
 */
public final class OktaSimServer extends SimServer {

	/** Okta's default per-minute limit of {@code /api/v1/users} for Enterprise and Workforce orgs. */
	public static final int DEFAULT_USERS_PER_MINUTE = 600;

	private final OktaTraffic traffic;

	private final OktaReplies replies = new OktaReplies();

	private final OktaCredentials credentials;

	private final OktaTokenEndpoint tokenEndpoint;

	private final OktaListings listings;

	/**
	 * Starts the server.
	 * @param org the org's users, groups, apps, API token and service app
	 * @param clock the clock of rate-limit windows, token lifetimes and assertion expiry ({@code Date} comes from
	 * the JDK server's wall clock)
	 * @param port the port, or 0 for an ephemeral one
	 * @param faults the faults to inject on the pages of {@code /api/v1/users}, group members and app users
	 * @param usersPerMinute the budget of {@code /api/v1/users} requests per minute window; the other families get
	 * Okta's Enterprise defaults
	 */
	public OktaSimServer(OktaSimOrg org, Clock clock, int port, Faults faults, int usersPerMinute) {
		this(org, clock, port, OktaBehaviour.of(faults, usersPerMinute));
	}

	/** Starts the server without faults and with Okta's Enterprise rate limits. */
	public OktaSimServer(OktaSimOrg org, Clock clock, int port) {
		this(org, clock, port, Faults.none(), DEFAULT_USERS_PER_MINUTE);
	}

	/**
	 * Starts a server holding only users, with no groups, no apps and no service app (every token request fails).
	 * @param users the org's users, ids unique
	 * @param apiToken the SSWS token clients must send
	 * @param clock the clock of the rate-limit windows
	 * @param port the port, or 0 for an ephemeral one
	 * @param usersPerMinute the budget of {@code /api/v1/users} requests per minute window
	 */
	public OktaSimServer(List<OktaSimUser> users, String apiToken, Clock clock, int port, int usersPerMinute) {
		this(OktaOrgIndex.of(users, List.of(), List.of()), apiToken, null, clock, port,
				OktaBehaviour.of(Faults.none(), usersPerMinute));
	}

	/** Starts a server holding only users, with Okta's default budget of 600 requests a minute. */
	public OktaSimServer(List<OktaSimUser> users, String apiToken, Clock clock, int port) {
		this(users, apiToken, clock, port, DEFAULT_USERS_PER_MINUTE);
	}

	OktaSimServer(OktaSimOrg org, Clock clock, int port, OktaBehaviour behaviour) {
		this(OktaOrgIndex.of(org.users(), org.groups(), org.apps()), org.apiToken(), org.client(), clock, port,
				behaviour);
	}

	/** The org is indexed and checked before {@code super()} binds the port, so bad data leaks no server. */
	private OktaSimServer(OktaOrgIndex org, String apiToken, @Nullable OktaSimClient client, Clock clock, int port,
			OktaBehaviour behaviour) {
		super(port, 8);
		this.traffic = new OktaTraffic(clock, behaviour.limits());
		OktaAccessTokens tokens = new OktaAccessTokens(clock);
		this.credentials = new OktaCredentials(apiToken, tokens);
		this.tokenEndpoint = new OktaTokenEndpoint(client, baseUrl(), clock, tokens);
		OktaFaultyPages pages = new OktaFaultyPages(this.replies, this.traffic, behaviour, clock);
		this.listings = new OktaListings(org, baseUrl(), this.replies, pages);
		start();
	}

	/** How many requests arrived, whatever their outcome. */
	public long requestCount() {
		return this.traffic.requests();
	}

	/** How many requests were answered with 429, from a spent budget or an injected fault. */
	public long rateLimitedCount() {
		return this.traffic.rateLimited();
	}

	/** How many requests each endpoint family received, by path prefix (e.g. {@code /api/v1/groups}). */
	public Map<String, Long> requestCounts() {
		return this.traffic.requestsByFamily();
	}

	/** How many 429s each endpoint family answered, by path prefix. */
	public Map<String, Long> rateLimitedCounts() {
		return this.traffic.rateLimitedByFamily();
	}

	@Override
	protected void handle(SimExchange exchange) {
		OktaFamily family = OktaFamily.of(exchange.path());
		this.traffic.arrived(family);
		// paths outside every family answer with the users family's window, as before families existed
		OktaFamily window = (family != null) ? family : OktaFamily.USERS;
		try {
			if (family == OktaFamily.OAUTH2) {
				token(exchange);
			}
			else {
				api(exchange);
			}
		}
		catch (OktaApiError error) {
			this.replies.error(exchange, error, this.traffic.peek(window).headers());
		}
		catch (OktaScopeError error) {
			this.replies.json(exchange, 403, new byte[0], this.traffic.peek(window).headers(),
					Map.of("WWW-Authenticate", List.of(error.challenge(baseUrl(), exchange.path()))));
		}
	}

	private void api(SimExchange exchange) {
		OktaCaller caller = this.credentials.authenticate(exchange.header("Authorization"));
		OktaRoute route = OktaRoute.of(exchange.path());
		requireMethod(exchange, "GET");
		caller.require(route.family().scope());
		Quota quota = spend(exchange, route.family());
		if (quota != null) {
			this.listings.serve(exchange, route, quota);
		}
	}

	private void token(SimExchange exchange) {
		if (!exchange.path().equals(OktaTokenEndpoint.PATH)) {
			throw OktaApiError.notFound(exchange.path());
		}
		requireMethod(exchange, "POST");
		Quota quota = spend(exchange, OktaFamily.OAUTH2);
		if (quota == null) {
			return;
		}
		try {
			ObjectNode response = this.replies.object();
			this.tokenEndpoint.grant(SimExchange.asMap(SimExchange.parseForm(exchange.body())), response);
			this.replies.json(exchange, 200, response, quota, OktaReplies.noStore());
		}
		catch (OktaOAuthError error) {
			this.replies.oauthError(exchange, error, quota);
		}
	}

	/** Spends one request of {@code family}'s budget, or answers 429 and returns {@code null}. */
	private @Nullable Quota spend(SimExchange exchange, OktaFamily family) {
		Quota quota = this.traffic.take(family);
		if (quota.granted()) {
			return quota;
		}
		this.replies.error(exchange, OktaApiError.rateLimited(), quota.headers());
		return null;
	}

	private static void requireMethod(SimExchange exchange, String method) {
		if (!exchange.method().equals(method)) {
			throw OktaApiError.methodNotAllowed();
		}
	}

}
