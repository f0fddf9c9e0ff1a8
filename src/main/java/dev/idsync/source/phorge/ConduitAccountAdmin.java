package dev.idsync.source.phorge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.domain.Account;
import dev.idsync.source.Retrying.Outcome;

/**
 * Disables, enables and approves accounts through {@code user.edit}, reading each account before and after. On a
 * Phabricator without {@code user.edit} it falls back to the deprecated {@code user.disable}/{@code user.enable}
 * (which need an administrator) and remembers that for the calls that follow.
 */
final class ConduitAccountAdmin {

	private static final String USER_EDIT = "user.edit";

	private static final String SELF_DISABLE = "You can not enable or disable your own account";

	private final ConduitClient conduit;

	private final ConduitAccountLookup lookup;

	private final AtomicBoolean withoutUserEdit = new AtomicBoolean();

	ConduitAccountAdmin(ConduitClient conduit, ConduitAccountLookup lookup) {
		this.conduit = conduit;
		this.lookup = lookup;
	}

	AccountChange setDisabled(String phid, boolean disabled) {
		Account before = read(phid, "nothing was changed");
		if (!this.withoutUserEdit.get()) {
			try {
				return edit(before, "disabled", disabled, Account::disabled);
			}
			catch (ConduitException ex) {
				if (ex.kind() != ConduitFailure.UNKNOWN_METHOD) {
					throw ex;
				}
				this.withoutUserEdit.set(true);
			}
		}
		String method = disabled ? "user.disable" : "user.enable";
		ObjectNode params = this.conduit.params();
		params.putArray("phids").add(phid);
		this.conduit.call(method, params);
		Account after = read(phid, "after " + method);
		return new AccountChange(before, after, before.disabled() != after.disabled(), method, List.of());
	}

	AccountChange setApproved(String phid, boolean approved) {
		if (this.withoutUserEdit.get()) {
			throw noApproval(phid);
		}
		Account before = read(phid, "nothing was changed");
		try {
			return edit(before, "approved", approved, Account::approved);
		}
		catch (ConduitException ex) {
			if (ex.kind() != ConduitFailure.UNKNOWN_METHOD) {
				throw ex;
			}
			this.withoutUserEdit.set(true);
			throw noApproval(phid);
		}
	}

	/**
	 * Asks Phorge to let the bot disable itself: Phorge checks "Can Disable Users" first (a policy refusal) and only
	 * then refuses a change to one's own account (a validation error), so the refusal tells which the bot holds.
	 */
	DisableUsersProbe probeCanDisableUsers(Whoami self) {
		try {
			this.conduit.call(USER_EDIT, transaction(self.phid(), "disabled", true));
		}
		catch (ConduitException ex) {
			if (ex.kind() == ConduitFailure.PERMISSION) {
				return new DisableUsersProbe(self, false, ex.getMessage());
			}
			if (ex.kind() == ConduitFailure.VALIDATION && ex.getMessage().contains(SELF_DISABLE)) {
				return new DisableUsersProbe(self, true, ex.getMessage());
			}
			throw ex;
		}
		throw this.conduit.failure(USER_EDIT, ConduitFailure.MALFORMED, null, "PHORGE LET idsync's bot '"
				+ self.username() + "' DISABLE ITS OWN ACCOUNT, which Phorge always refuses: this is not the Phorge "
				+ "idsync knows. The bot is probably disabled now; an administrator must enable it again (People › "
				+ self.username() + " › Enable User)");
	}

	private AccountChange edit(Account before, String type, boolean value, Predicate<Account> state) {
		Outcome<JsonNode> answer = this.conduit.call(USER_EDIT, transaction(before.phid(), type, value));
		JsonNode transactions = answer.value().path("transactions");
		if (!transactions.isArray()) {
			throw this.conduit.failure(USER_EDIT, ConduitFailure.MALFORMED, null,
					"the answer has no list of transactions");
		}
		List<String> phids = new ArrayList<>();
		transactions.values().forEach((transaction) -> phids.add(transaction.path("phid").asString()));
		Account after = read(before.phid(), "after " + USER_EDIT);
		// A retried edit may have been applied by the attempt whose answer was lost: it then reports no change.
		boolean changed = !phids.isEmpty() || (answer.retries() > 0 && state.test(before) != state.test(after));
		return new AccountChange(before, after, changed, USER_EDIT, phids);
	}

	/** {@code user.edit}'s parameters: one transaction with a JSON boolean, as strict encodings require. */
	private ObjectNode transaction(String phid, String type, boolean value) {
		ObjectNode params = this.conduit.params().put("objectIdentifier", phid);
		params.putArray("transactions").addObject().put("type", type).put("value", value);
		return params;
	}

	private Account read(String phid, String when) {
		Account account = this.lookup.byPhid(List.of(phid)).get(phid);
		if (account == null) {
			throw this.conduit.failure("user.search", ConduitFailure.BAD_PHID, null,
					"no account has the PHID " + phid + " (" + when + ")");
		}
		return account;
	}

	private ConduitException noApproval(String phid) {
		return this.conduit.failure(USER_EDIT, ConduitFailure.UNKNOWN_METHOD, "ERR-CONDUIT-CALL",
				"this Phabricator has no user.edit, and no older Conduit method approves accounts: approve " + phid
						+ " in the web UI (People › Approval Queue); nothing was changed");
	}

}
