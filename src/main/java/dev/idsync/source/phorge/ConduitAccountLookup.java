package dev.idsync.source.phorge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.domain.Account;

/**
 * Accounts by username or PHID through {@code user.search}'s {@code usernames} and {@code phids} constraints, 100
 * values a call (Conduit's page size), following the cursor should a batch ever fill more than a page.
 */
final class ConduitAccountLookup {

	static final int BATCH = 100;

	private final ConduitClient conduit;

	ConduitAccountLookup(ConduitClient conduit) {
		this.conduit = conduit;
	}

	/** The accounts with these usernames, keyed by lower-cased username: Phorge compares them case-insensitively. */
	Map<String, Account> byUsername(Collection<String> usernames) {
		return find("usernames", usernames, ConduitAccountLookup::usernameKey,
				(account) -> usernameKey(account.username()));
	}

	/** The accounts with these PHIDs, keyed by PHID. */
	Map<String, Account> byPhid(Collection<String> phids) {
		return find("phids", phids, Function.identity(), Account::phid);
	}

	/** Lower-cased as Phorge's collation compares usernames (which are ASCII). */
	static String usernameKey(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	private Map<String, Account> find(String constraint, Collection<String> values, Function<String, String> key,
			Function<Account, String> keyOf) {
		Map<String, String> distinct = new LinkedHashMap<>();
		values.forEach((value) -> distinct.putIfAbsent(key.apply(value), value));
		List<String> wanted = new ArrayList<>(distinct.values());
		Map<String, Account> found = new LinkedHashMap<>();
		for (int from = 0; from < wanted.size(); from += BATCH) {
			List<String> batch = wanted.subList(from, Math.min(from + BATCH, wanted.size()));
			search(constraint, batch).forEach((account) -> found.put(keyOf.apply(account), account));
		}
		return found;
	}

	private List<Account> search(String constraint, List<String> batch) {
		List<Account> accounts = new ArrayList<>();
		String after = null;
		do {
			JsonNode result = this.conduit.call("user.search", params(constraint, batch, after)).value();
			accounts.addAll(UserSearchRows.accounts(result));
			after = UserSearchRows.after(result);
		}
		while (after != null);
		return accounts;
	}

	private ObjectNode params(String constraint, List<String> batch, @Nullable String after) {
		ObjectNode params = this.conduit.params().put("queryKey", "all").put("limit", BATCH);
		ArrayNode values = params.putObject("constraints").putArray(constraint);
		batch.forEach(values::add);
		if (after != null) {
			params.put("after", after);
		}
		return params;
	}

}
