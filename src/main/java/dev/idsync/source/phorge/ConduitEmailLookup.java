package dev.idsync.source.phorge;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.domain.AccountKind;
import dev.idsync.source.EmailLookup;

/**
 * Email lookups through {@code user.query}, one address per call: its answer does not say which address matched, and
 * two addresses of one user in one call make Phorge fail.
 */
final class ConduitEmailLookup implements EmailLookup {

	private final ConduitClient conduit;

	ConduitEmailLookup(ConduitClient conduit) {
		this.conduit = conduit;
	}

	@Override
	public List<String> humanAccountsWithEmail(String email) {
		ObjectNode params = this.conduit.params();
		params.putArray("emails").add(email);
		JsonNode result = this.conduit.call("user.query", params).value();
		return users(result).stream().filter((user) -> user.roles().kind() == AccountKind.HUMAN)
			.map(QueriedUser::phid)
			.toList();
	}

	/** The users of a {@code user.query} result, in Phorge's order (newest first, not the order asked for). */
	static List<QueriedUser> users(JsonNode result) {
		List<QueriedUser> users = new ArrayList<>();
		result.values().forEach((user) -> users.add(new QueriedUser(user.path("phid").asString(),
				user.path("userName").asString(), PhorgeRoles.of(user.path("roles")))));
		return users;
	}

	/**
	 * One user of a {@code user.query} answer, which holds no email address.
	 * @param phid the user's PHID
	 * @param username the username
	 * @param roles the roles, normalised
	 */
	record QueriedUser(String phid, String username, PhorgeRoles roles) {
	}

}
