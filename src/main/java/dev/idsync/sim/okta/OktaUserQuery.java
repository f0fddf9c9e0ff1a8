package dev.idsync.sim.okta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.idsync.sim.SimExchange;
import org.jspecify.annotations.Nullable;

/**
 * One {@code GET /api/v1/users} request: which users ({@code filter}, {@code search}, {@code q}), how many
 * ({@code limit}) and from where ({@code after}, the last id of the previous page).
 */
final class OktaUserQuery {

	/** Okta's maximum and default page size; bigger values are clamped, as Okta does. */
	static final int MAX_LIMIT = 200;

	/** Okta's default page size with {@code q}, which does not paginate. */
	private static final int QUICK_SEARCH_LIMIT = 10;

	private final Map<String, String> params;

	private final Predicate<OktaSimUser> predicate;

	private final int limit;

	private OktaUserQuery(Map<String, String> params, Predicate<OktaSimUser> predicate, int limit) {
		this.params = params;
		this.predicate = predicate;
		this.limit = limit;
	}

	/**
	 * Reads the request's parameters.
	 * @throws OktaApiError E0000031 for an unreadable expression, E0000001 for a malformed limit
	 */
	static OktaUserQuery of(SimExchange exchange) {
		Map<String, String> params = SimExchange.asMap(exchange.query());
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
		int limit = limit(params.get("limit"), (q != null) ? QUICK_SEARCH_LIMIT : MAX_LIMIT);
		return new OktaUserQuery(params, predicate, limit);
	}

	/** The page of {@code usersById} (sorted by id) this request asks for. */
	Page page(List<OktaSimUser> usersById) {
		String after = this.params.get("after");
		List<OktaSimUser> page = new ArrayList<>();
		boolean more = false;
		for (OktaSimUser user : usersById) {
			if ((after != null && user.id().compareTo(after) <= 0) || !this.predicate.test(user)) {
				continue;
			}
			if (page.size() == this.limit) {
				more = true;
				break;
			}
			page.add(user);
		}
		// q does not paginate (Okta's docs).
		boolean paginates = more && !this.params.containsKey("q");
		return new Page(page, paginates ? page.get(page.size() - 1).id() : null);
	}

	/** The {@code Link} header values of {@code page}: one per relation, never comma-joined. */
	List<String> links(String baseUrl, Page page) {
		List<String> links = new ArrayList<>();
		links.add("<" + url(baseUrl, this.params.get("after")) + ">; rel=\"self\"");
		if (page.nextAfter() != null) {
			links.add("<" + url(baseUrl, page.nextAfter()) + ">; rel=\"next\"");
		}
		return links;
	}

	private String url(String baseUrl, @Nullable String after) {
		Map<String, String> query = new LinkedHashMap<>();
		if (after != null) {
			query.put("after", after);
		}
		query.put("limit", Integer.toString(this.limit));
		for (String name : List.of("filter", "search", "q")) {
			if (this.params.containsKey(name)) {
				query.put(name, this.params.get(name));
			}
		}
		StringBuilder url = new StringBuilder(baseUrl).append("/api/v1/users");
		query.forEach((name, value) -> url.append((url.indexOf("?") < 0) ? '?' : '&')
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
		return url.toString();
	}

	private static int limit(@Nullable String value, int fallback) {
		if (value == null) {
			return fallback;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit < 1) {
				throw OktaApiError.invalidParameter("limit");
			}
			return Math.min(limit, MAX_LIMIT);
		}
		catch (NumberFormatException ex) {
			throw OktaApiError.invalidParameter("limit");
		}
	}

	// Modelled on Okta's docs, not recorded: q matches the start of firstName, lastName or email.
	private static Predicate<OktaSimUser> quickSearch(String q) {
		String prefix = q.toLowerCase(Locale.ROOT);
		return (user) -> !user.status().equals("DEPROVISIONED")
				&& List.of(user.firstName(), user.lastName(), user.email())
					.stream()
					.anyMatch((value) -> value.toLowerCase(Locale.ROOT).startsWith(prefix));
	}

	/**
	 * One page of users.
	 *
	 * @param users the users, by id
	 * @param nextAfter the cursor of the next page, {@code null} on the last one
	 */
	record Page(List<OktaSimUser> users, @Nullable String nextAfter) {
	}

}
