package dev.idsync.sim.okta;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.idsync.sim.SimExchange;
import dev.idsync.sim.okta.MinuteBudget.Quota;
import tools.jackson.databind.node.ArrayNode;

/**
 * The listings the simulated org serves, once the caller is authenticated and the request fits the budget.
 */
final class OktaListings {

	/**
	 * The default and maximum page size of group members. Okta's reference gives 1000 as the default (and
	 * recommends 200); the maximum is not documented, so bigger values are clamped to the default.
	 */
	static final int GROUP_USERS_LIMIT = 1000;

	private final OktaOrgIndex org;

	private final String baseUrl;

	private final OktaReplies replies;

	private final OktaFaultyPages pages;

	private final OktaUserJson userJson;

	private final OktaGroupJson groupJson;

	private final OktaAppUserJson appUserJson;

	OktaListings(OktaOrgIndex org, String baseUrl, OktaReplies replies, OktaFaultyPages pages) {
		this.org = org;
		this.baseUrl = baseUrl;
		this.replies = replies;
		this.pages = pages;
		this.userJson = new OktaUserJson(baseUrl);
		this.groupJson = new OktaGroupJson(baseUrl);
		this.appUserJson = new OktaAppUserJson(baseUrl, this.userJson);
	}

	/** Serves the listing {@code route} names. */
	void serve(SimExchange exchange, OktaRoute route, Quota quota) {
		switch (route.resource()) {
			case USERS -> users(exchange, quota);
			case GROUPS -> groups(exchange, quota);
			case GROUP_USERS -> groupUsers(exchange, quota, route.id());
			case APP_USERS -> appUsers(exchange, quota, route.id());
			case APPS -> apps(exchange, quota);
		}
	}

	/**
	 * The applications, filtered by {@code q} (a prefix of the label, case-insensitive). Modelled on Okta's docs, not
	 * recorded: only the fields idsync reads, no paging (an org has few apps).
	 */
	private void apps(SimExchange exchange, Quota quota) {
		String q = OktaQuery.params(exchange).getOrDefault("q", "").toLowerCase(Locale.ROOT);
		ArrayNode body = this.replies.array();
		for (OktaSimApp app : this.org.apps()) {
			if (app.label().toLowerCase(Locale.ROOT).startsWith(q)) {
				body.addObject()
					.put("id", app.id())
					.put("name", app.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_"))
					.put("label", app.label())
					.put("status", "ACTIVE")
					.put("signOnMode", "SAML_2_0")
					.putObject("_links").putObject("users").put("href",
							this.baseUrl + "/api/v1/apps/" + app.id() + "/users");
			}
		}
		this.replies.json(exchange, 200, body, quota,
				Map.of("Link", List.of("<" + this.baseUrl + "/api/v1/apps>; rel=\"self\"")));
	}

	private void users(SimExchange exchange, Quota quota) {
		OktaQuery<OktaSimUser> query = OktaUserQuery.of(exchange);
		OktaPage<OktaSimUser> page = query.page(this.org.users());
		serve(exchange, OktaFamily.USERS, quota, query, page, "/api/v1/users", users(page.items()));
	}

	private void groups(SimExchange exchange, Quota quota) {
		OktaQuery<OktaGroupView> query = OktaGroupQuery.of(exchange);
		OktaPage<OktaGroupView> page = query.page(this.org.groups());
		ArrayNode body = this.replies.array();
		page.items().forEach((group) -> this.groupJson.write(group, body.addObject()));
		List<String> links = query.links(this.baseUrl + "/api/v1/groups").of(query.after(), page.nextAfter());
		this.replies.json(exchange, 200, body, quota, Map.of("Link", links));
	}

	// Members are listed whatever their status: deactivating a user does not remove their group memberships.
	private void groupUsers(SimExchange exchange, Quota quota, String groupId) {
		OktaGroupView group = this.org.group(groupId);
		if (group == null) {
			throw OktaApiError.notFound(groupId, "UserGroup");
		}
		Map<String, String> params = OktaQuery.params(exchange);
		OktaPaging paging = OktaPaging.of(params, GROUP_USERS_LIMIT, GROUP_USERS_LIMIT);
		OktaQuery<OktaSimUser> query = new OktaQuery<>(params, (user) -> true, OktaSimUser::id, paging, List.of(),
				true);
		OktaPage<OktaSimUser> page = query.page(group.members());
		serve(exchange, OktaFamily.GROUPS, quota, query, page, "/api/v1/groups/" + groupId + "/users",
				users(page.items()));
	}

	private void appUsers(SimExchange exchange, Quota quota, String appId) {
		OktaSimApp app = this.org.app(appId);
		if (app == null) {
			throw OktaApiError.notFound(appId, "AppInstance");
		}
		OktaQuery<OktaSimUser> query = OktaAppUserQuery.of(exchange);
		OktaPage<OktaSimUser> page = query.page(this.org.assigned(app));
		boolean embedsUser = OktaAppUserQuery.embedsUser(query);
		ArrayNode body = this.replies.array();
		page.items().forEach((user) -> this.appUserJson.write(app, user, embedsUser, body.addObject()));
		serve(exchange, OktaFamily.APPS, quota, query, page, "/api/v1/apps/" + appId + "/users", body);
	}

	private void serve(SimExchange exchange, OktaFamily family, Quota quota, OktaQuery<?> query, OktaPage<?> page,
			String path, ArrayNode body) {
		List<String> links = query.links(this.baseUrl + path).of(query.after(), page.nextAfter());
		this.pages.serve(exchange, family, quota, page.numbering(), links, body);
	}

	private ArrayNode users(List<OktaSimUser> users) {
		ArrayNode array = this.replies.array();
		users.forEach((user) -> this.userJson.write(user, array.addObject()));
		return array;
	}

}
