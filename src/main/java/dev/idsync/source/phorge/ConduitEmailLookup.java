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
		List<String> phids = new ArrayList<>();
		for (JsonNode user : result.values()) {
			if (PhorgeRoles.of(user.path("roles")).kind() == AccountKind.HUMAN) {
				phids.add(user.path("phid").asString());
			}
		}
		return phids;
	}

}
