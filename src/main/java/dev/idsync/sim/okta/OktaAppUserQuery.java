package dev.idsync.sim.okta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.idsync.sim.SimExchange;

/**
 * Reads a {@code GET /api/v1/apps/{appId}/users} request: {@code q}, {@code expand=user}, {@code limit} and
 * {@code after}.
 */
final class OktaAppUserQuery {

	/** Okta's default page size for app users. */
	static final int DEFAULT_LIMIT = 50;

	/** Okta's maximum page size for app users; bigger values are clamped. */
	static final int MAX_LIMIT = 500;

	private OktaAppUserQuery() {
	}

	/**
	 * Reads the request's parameters.
	 * @throws OktaApiError E0000001 for a malformed limit
	 */
	static OktaQuery<OktaSimUser> of(SimExchange exchange) {
		Map<String, String> params = OktaQuery.params(exchange);
		// Deactivating a user removes their app assignments (Okta's lifecycle docs), so they are never app users.
		Predicate<OktaSimUser> predicate = (user) -> !user.status().equals("DEPROVISIONED");
		String q = params.get("q");
		if (q != null) {
			predicate = predicate.and(quickSearch(q));
		}
		return new OktaQuery<>(params, predicate, OktaSimUser::id, OktaPaging.of(params, DEFAULT_LIMIT, MAX_LIMIT),
				List.of("q", "expand"), true);
	}

	/** Whether each app user of {@code query} embeds its Okta user ({@code expand=user}). */
	static boolean embedsUser(OktaQuery<OktaSimUser> query) {
		return "user".equals(query.params().get("expand"));
	}

	// Okta's reference: q matches the start of the app user's userName, firstName, lastName or email.
	private static Predicate<OktaSimUser> quickSearch(String q) {
		String prefix = q.toLowerCase(Locale.ROOT);
		return (user) -> List.of(user.login(), user.firstName(), user.lastName(), user.email())
			.stream()
			.anyMatch((value) -> value.toLowerCase(Locale.ROOT).startsWith(prefix));
	}

}
