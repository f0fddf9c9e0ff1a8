package dev.idsync.sim.okta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.idsync.sim.SimExchange;

/**
 * Reads a {@code GET /api/v1/groups} request: {@code q} (a name prefix, not paged), {@code filter}, {@code search},
 * {@code limit} and {@code after}; {@code expand}, {@code sortBy} and {@code sortOrder} are accepted and ignored.
 */
final class OktaGroupQuery {

	/**
	 * The default and maximum page size. Okta's reference gives no maximum and says not to rely on the default; its
	 * older reference gave 10000 as the default.
	 */
	static final int MAX_LIMIT = 10_000;

	/** Okta's default page size for {@code q}, which does not paginate. */
	static final int QUICK_SEARCH_LIMIT = 300;

	private OktaGroupQuery() {
	}

	/**
	 * Reads the request's parameters.
	 * @throws OktaApiError E0000031 for an unreadable expression, E0000001 for a malformed limit
	 */
	static OktaQuery<OktaGroupView> of(SimExchange exchange) {
		Map<String, String> params = OktaQuery.params(exchange);
		Predicate<OktaGroupView> predicate = (group) -> true;
		String filter = params.get("filter");
		if (filter != null) {
			predicate = predicate
				.and(OktaExpression.parse(filter, OktaGroupFields.FILTERABLE::contains, OktaGroupFields.FILTER));
		}
		String search = params.get("search");
		if (search != null) {
			predicate = predicate
				.and(OktaExpression.parse(search, OktaGroupFields::searchable, OktaGroupFields.SEARCH));
		}
		String q = params.get("q");
		if (q != null) {
			String prefix = q.toLowerCase(Locale.ROOT);
			predicate = predicate.and((group) -> group.group().name().toLowerCase(Locale.ROOT).startsWith(prefix));
		}
		OktaPaging paging = OktaPaging.of(params, (q != null) ? QUICK_SEARCH_LIMIT : MAX_LIMIT, MAX_LIMIT);
		// "Paging and searching are currently mutually exclusive. You can't page a query." (Okta's reference)
		return new OktaQuery<>(params, predicate, OktaGroupView::id, paging,
				List.of("filter", "search", "q", "expand", "sortBy", "sortOrder"), q == null);
	}

}
