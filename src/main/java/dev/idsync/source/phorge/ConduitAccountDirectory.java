package dev.idsync.source.phorge;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.domain.Account;
import dev.idsync.source.AccountDirectory;
import dev.idsync.source.Page;
import dev.idsync.source.Retrying.Outcome;

/**
 * Every Phorge account through {@code user.search}, 100 a page (Conduit's maximum), newest first: the cursor is an
 * object id, so accounts created during the scan cannot shift the pages.
 */
final class ConduitAccountDirectory implements AccountDirectory {

	static final int PAGE_SIZE = 100;

	private final ConduitClient conduit;

	ConduitAccountDirectory(ConduitClient conduit) {
		this.conduit = conduit;
	}

	@Override
	public String name() {
		return "phorge";
	}

	@Override
	public Page<Account> page(@Nullable String cursor) {
		ObjectNode params = this.conduit.params().put("queryKey", "all").put("limit", PAGE_SIZE);
		if (cursor != null) {
			params.put("after", cursor);
		}
		Outcome<JsonNode> call = this.conduit.call("user.search", params);
		return new Page<>(UserSearchRows.accounts(call.value()), UserSearchRows.after(call.value()), call.retries(),
				call.rateLimitWaits(), List.of());
	}

}
