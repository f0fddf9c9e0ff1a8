package dev.idsync.sim.google;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.idsync.sim.SimExchange;
import org.jspecify.annotations.Nullable;

/**
 * One {@code users.list} request: whose users ({@code customer} or {@code domain}), deleted or not
 * ({@code showDeleted}), in which order ({@code orderBy}, {@code sortOrder}) and which page ({@code maxResults},
 * {@code pageToken}).
 */
final class GoogleUserQuery {

	private static final int DEFAULT_MAX_RESULTS = 100;

	private static final int MAX_RESULTS = 500;

	private final Predicate<GoogleSimUser> predicate;

	private final Comparator<GoogleSimUser> order;

	private final int maxResults;

	private final int offset;

	private final String fingerprint;

	private GoogleUserQuery(Predicate<GoogleSimUser> predicate, Comparator<GoogleSimUser> order, int maxResults,
			@Nullable String pageToken, String fingerprint) {
		this.predicate = predicate;
		this.order = order;
		this.maxResults = maxResults;
		this.fingerprint = fingerprint;
		this.offset = (pageToken != null) ? offset(pageToken, fingerprint) : 0;
	}

	/**
	 * Reads the request's parameters.
	 * @param exchange the request
	 * @param customerId the simulated customer's id, which {@code customer} may name besides {@code my_customer}
	 * @param domains the customer's domains, lower case
	 * @throws GoogleApiError 400 or 403 as Google answers a malformed or foreign request
	 */
	static GoogleUserQuery of(SimExchange exchange, String customerId, Set<String> domains) {
		Map<String, String> params = SimExchange.asMap(exchange.query());
		if (params.containsKey("query")) {
			throw GoogleApiError.invalidParameter("query", "The simulator does not support the query parameter");
		}
		Predicate<GoogleSimUser> predicate = owner(params.get("customer"), params.get("domain"), customerId, domains);
		boolean deleted = "true".equalsIgnoreCase(params.get("showDeleted"));
		// showDeleted=true lists only the recently deleted users, with their deletionTime.
		predicate = predicate.and((user) -> user.deleted() == deleted);
		String fingerprint = Integer.toHexString(String.join("\n", params.getOrDefault("customer", ""),
				params.getOrDefault("domain", ""), Boolean.toString(deleted), params.getOrDefault("orderBy", ""),
				params.getOrDefault("sortOrder", ""))
			.hashCode());
		return new GoogleUserQuery(predicate, GoogleUserOrder.of(params.get("orderBy"), params.get("sortOrder")),
				maxResults(params.get("maxResults")), params.get("pageToken"), fingerprint);
	}

	/** The page this request asks for among {@code users}. */
	Page page(List<GoogleSimUser> users) {
		List<GoogleSimUser> selected = users.stream().filter(this.predicate).sorted(this.order).toList();
		int from = Math.min(this.offset, selected.size());
		int to = Math.min(from + this.maxResults, selected.size());
		String next = (to < selected.size()) ? new GooglePageToken(to, this.fingerprint).encode() : null;
		return new Page(selected.subList(from, to), next);
	}

	private static Predicate<GoogleSimUser> owner(@Nullable String customer, @Nullable String domain,
			String customerId, Set<String> domains) {
		if (customer == null && domain == null) {
			throw GoogleApiError.badRequest();
		}
		if (customer != null && !customer.equals("my_customer") && !customer.equals(customerId)) {
			throw GoogleApiError.forbidden();
		}
		if (domain == null) {
			return (user) -> true;
		}
		String wanted = domain.toLowerCase(Locale.ROOT);
		if (!domains.contains(wanted)) {
			throw GoogleApiError.forbidden();
		}
		return (user) -> GoogleSimServer.domainOf(user.primaryEmail()).equals(wanted);
	}

	private static int maxResults(@Nullable String value) {
		if (value == null) {
			return DEFAULT_MAX_RESULTS;
		}
		try {
			int maxResults = Integer.parseInt(value);
			if (maxResults >= 1 && maxResults <= MAX_RESULTS) {
				return maxResults;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, like an out-of-range value
		}
		throw GoogleApiError.invalidParameter("maxResults",
				"Invalid value '" + value + "'. Values must be within the range: [1, " + MAX_RESULTS + "]");
	}

	private static int offset(String pageToken, String fingerprint) {
		GooglePageToken token = GooglePageToken.decode(pageToken);
		if (token.offset() < 0 || !token.fingerprint().equals(fingerprint)) {
			throw GoogleApiError.invalidInput();
		}
		return token.offset();
	}

	/**
	 * One page of users.
	 *
	 * @param users the page's users
	 * @param nextPageToken the token of the next page, {@code null} on the last one
	 */
	record Page(List<GoogleSimUser> users, @Nullable String nextPageToken) {
	}

}
