package dev.idsync.sim.okta;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a group in the shape of Okta's Groups API reference.
 */
final class OktaGroupJson {

	private final String baseUrl;

	OktaGroupJson(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Writes {@code group}'s fields into {@code node}. */
	void write(OktaGroupView group, ObjectNode node) {
		node.put("id", group.id());
		node.put("created", OktaUserJson.timestamp(group.created()));
		node.put("lastUpdated", OktaUserJson.timestamp(group.lastUpdated()));
		node.put("lastMembershipUpdated", OktaUserJson.timestamp(group.lastMembershipUpdated()));
		node.putArray("objectClass").add("okta:user_group");
		node.put("type", OktaGroupFields.TYPE);
		ObjectNode profile = node.putObject("profile");
		profile.put("name", group.group().name());
		// the data model has no description
		profile.putNull("description");
		links(group.id(), node.putObject("_links"));
	}

	private void links(String id, ObjectNode links) {
		ArrayNode logos = links.putArray("logo");
		for (String size : new String[] { "medium", "large" }) {
			ObjectNode logo = logos.addObject();
			logo.put("name", size);
			logo.put("href", this.baseUrl + "/assets/img/logos/groups/okta-" + size + ".png");
			logo.put("type", "image/png");
		}
		String self = this.baseUrl + "/api/v1/groups/" + id;
		links.putObject("users").put("href", self + "/users");
		links.putObject("apps").put("href", self + "/apps");
	}

}
