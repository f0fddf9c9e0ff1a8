package dev.idsync.batch;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Account;
import dev.idsync.domain.LiveAccount;
import dev.idsync.remediate.AccountAdmin;
import dev.idsync.source.PhorgeDatabase;
import dev.idsync.source.phorge.AccountChange;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.source.phorge.JdbcBotTokens;
import dev.idsync.store.JournalStore;

/**
 * Remediation's writes to Phorge through Conduit ({@code user.edit}), with idsync's provenance from its journal and,
 * when idsync reads it, Phorge's own log of who disabled each account.
 * Token revocation goes through the token writer ({@code idsync.phorge.database.token-writer}); without it, such
 * actions are planned as manual and never reach here.
 */
final class PhorgeAccountAdmin implements AccountAdmin {

	private final Conduit conduit;

	private final JournalStore journal;

	private final @Nullable PhorgeDatabase database;

	private final @Nullable JdbcBotTokens tokens;

	private final Clock clock;

	private @Nullable String self;

	PhorgeAccountAdmin(Conduit conduit, JournalStore journal, @Nullable PhorgeDatabase database,
			@Nullable JdbcBotTokens tokens, Clock clock) {
		this.conduit = conduit;
		this.journal = journal;
		this.database = database;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Map<String, LiveAccount> live(Collection<String> phids) {
		Map<String, LiveAccount> live = new LinkedHashMap<>();
		this.conduit.accountsByPhid(phids).forEach((phid, account) -> live.put(phid, live(account)));
		return live;
	}

	@Override
	public LiveAccount setDisabled(String phid, boolean disabled) {
		return after(this.conduit.setDisabled(phid, disabled));
	}

	@Override
	public LiveAccount setApproved(String phid, boolean approved) {
		return after(this.conduit.setApproved(phid, approved));
	}

	@Override
	public LiveAccount revokeTokens(String phid) {
		if (this.tokens == null) {
			throw new UnsupportedOperationException("idsync has no write access to Phorge's conduit_token table; "
					+ "revoke the tokens of " + phid + " with 'bin/auth revoke --type conduit'");
		}
		this.tokens.terminateAll(phid, this.clock.instant());
		return live(java.util.List.of(phid)).get(phid);
	}

	private LiveAccount after(AccountChange change) {
		return live(change.after());
	}

	private LiveAccount live(Account account) {
		return new LiveAccount(account.phid(), account.username(), account.disabled(), account.approved(),
				account.disabled() && disabledByIdsync(account.phid()),
				(this.tokens != null) ? this.tokens.live(account.phid(), this.clock.instant()).size() : null,
				account.admin());
	}

	/** idsync's journal says so, or Phorge's own log names idsync's bot as the one who last disabled the account. */
	private boolean disabledByIdsync(String phid) {
		if (this.journal.disabledByIdsync(phid)) {
			return true;
		}
		if (this.database == null) {
			return false;
		}
		if (this.self == null) {
			this.self = this.conduit.whoami().phid();
		}
		return this.database.lastDisable(phid)
			.filter((last) -> last.disabled() && last.authorPhid().equals(this.self))
			.isPresent();
	}

}
