package dev.idsync.sim.okta;

import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an app assignment in the shape of Okta's Application Users API reference, for an app without provisioning:
 * assigned directly ({@code scope USER}), {@code ACTIVE}, {@code syncState DISABLED}, the user's login as its
 * {@code userName}.
 */
final class OktaAppUserJson {

	private final String baseUrl;

	private final OktaUserJson userJson;

	OktaAppUserJson(String baseUrl, OktaUserJson userJson) {
		this.baseUrl = baseUrl;
		this.userJson = userJson;
	}

	/**
	 * Writes {@code user}'s assignment to {@code app} into {@code node}.
	 * @param app the app
	 * @param user the assigned user
	 * @param embedUser whether to embed the full user ({@code expand=user})
	 * @param node the node to fill
	 */
	void write(OktaSimApp app, OktaSimUser user, boolean embedUser, ObjectNode node) {
		// The data model has no assignment dates: users are assigned when created.
		node.put("id", user.id());
		node.putNull("externalId");
		node.put("created", OktaUserJson.timestamp(user.created()));
		node.put("lastUpdated", OktaUserJson.timestamp(user.lastUpdated()));
		node.put("scope", "USER");
		node.put("status", "ACTIVE");
		node.put("statusChanged", OktaUserJson.timestamp(user.created()));
		node.putNull("passwordChanged");
		node.put("syncState", "DISABLED");
		node.putObject("credentials").put("userName", user.login());
		ObjectNode profile = node.putObject("profile");
		profile.put("email", user.email());
		profile.put("firstName", user.firstName());
		profile.put("lastName", user.lastName());
		ObjectNode links = node.putObject("_links");
		links.putObject("app").put("href", this.baseUrl + "/api/v1/apps/" + app.id());
		links.putObject("user").put("href", this.baseUrl + "/api/v1/users/" + user.id());
		if (embedUser) {
			this.userJson.write(user, node.putObject("_embedded").putObject("user"));
		}
	}

}
