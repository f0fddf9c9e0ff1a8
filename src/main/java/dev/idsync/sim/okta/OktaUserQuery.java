package dev.idsync.sim.okta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.idsync.sim.SimExchange;

/**
 * Reads a {@code GET /api/v1/users} request: which users ({@code filter}, {@code search}, {@code q}), how many
 * ({@code limit}) and from where ({@code after}, the last id of the previous page).
 */
final class OktaUserQuery {

	/** Okta's maximum and default page size; bigger values are clamped, as Okta does. */
	static final int MAX_LIMIT = 200;

	/** Okta's default page size with {@code q}, which does not paginate. */
	private static final int QUICK_SEARCH_LIMIT = 10;

	private OktaUserQuery() {
	}

	/**
	 * Reads the request's parameters.
	 * @throws OktaApiError E0000031 for an unreadable expression, E0000001 for a malformed limit
	 */
	static OktaQuery<OktaSimUser> of(SimExchange exchange) {
		Map<String, String> params = OktaQuery.params(exchange);
		String filter = params.get("filter");
		String search = params.get("search");
		String q = params.get("q");
		Predicate<OktaSimUser> predicate = (filter == null && search == null)
				? (user) -> !user.status().equals("DEPROVISIONED") : (user) -> true;
		if (filter != null) {
			predicate = predicate.and(OktaExpression.parse(filter, OktaAttributes.FILTERABLE::contains));
		}
		if (search != null) {
			predicate = predicate.and(OktaExpression.parse(search, OktaAttributes::searchable));
		}
		if (q != null) {
			predicate = predicate.and(quickSearch(q));
		}
		OktaPaging paging = OktaPaging.of(params, (q != null) ? QUICK_SEARCH_LIMIT : MAX_LIMIT, MAX_LIMIT);
		// q does not paginate (Okta's docs).
		return new OktaQuery<>(params, predicate, OktaSimUser::id, paging, List.of("filter", "search", "q"),
				q == null);
	}

	// Modelled on Okta's docs, not recorded: q matches the start of firstName, lastName or email.
	private static Predicate<OktaSimUser> quickSearch(String q) {
		String prefix = q.toLowerCase(Locale.ROOT);
		return (user) -> !user.status().equals("DEPROVISIONED")
				&& List.of(user.firstName(), user.lastName(), user.email())
					.stream()
					.anyMatch((value) -> value.toLowerCase(Locale.ROOT).startsWith(prefix));
	}

}
