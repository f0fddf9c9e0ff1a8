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

	private final String listing;

	private final GooglePaging paging;

	private GoogleUserQuery(Predicate<GoogleSimUser> predicate, Comparator<GoogleSimUser> order, String listing,
			GooglePaging paging) {
		this.predicate = predicate;
		this.order = order;
		this.listing = listing;
		this.paging = paging;
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
		String listing = String.join("\n", params.getOrDefault("customer", ""), params.getOrDefault("domain", ""),
				Boolean.toString(deleted), params.getOrDefault("orderBy", ""), params.getOrDefault("sortOrder", ""));
		Comparator<GoogleSimUser> order = GoogleUserOrder.of(params.get("orderBy"), params.get("sortOrder"));
		return new GoogleUserQuery(predicate, order, listing, GooglePaging.of(params.get("maxResults"),
				params.get("pageToken"), DEFAULT_MAX_RESULTS, MAX_RESULTS, Integer.toHexString(listing.hashCode())));
	}

	/** The page asked for, counting from 1 (each {@code showDeleted} pass on its own). */
	int pageNumber() {
		return this.paging.pageNumber();
	}

	/** The page this request asks for among the {@code directory}'s users. */
	GooglePage<GoogleSimUser> page(GoogleDirectory directory) {
		return this.paging.page(directory.listing(this.listing,
				() -> directory.users().stream().filter(this.predicate).sorted(this.order).toList()));
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
		return (user) -> GoogleDirectory.domainOf(user.primaryEmail()).equals(wanted);
	}

}
