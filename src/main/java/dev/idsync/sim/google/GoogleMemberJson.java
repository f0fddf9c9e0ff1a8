package dev.idsync.sim.google;

import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a group's user member in the shape of the Directory API's {@code admin#directory#member}.
 */
final class GoogleMemberJson {

	private GoogleMemberJson() {
	}

	/** Writes {@code user}'s membership of {@code group} into {@code node}. */
	static void write(GoogleSimGroup group, GoogleSimUser user, ObjectNode node) {
		node.put("kind", "admin#directory#member");
		node.put("etag", GoogleUserJson.etag(group.id() + "/" + user.id()));
		node.put("id", user.id());
		node.put("email", user.primaryEmail());
		node.put("role", "MEMBER");
		node.put("type", "USER");
		// Modelled on Google's docs: a suspended user stays a member, with status SUSPENDED.
		node.put("status", user.suspended() ? "SUSPENDED" : "ACTIVE");
	}

}
