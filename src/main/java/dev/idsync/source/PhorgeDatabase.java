package dev.idsync.source;

import java.util.List;
import java.util.Optional;

import dev.idsync.domain.AccountDisable;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.ExternalIdentifier;

/**
 * Phorge's own database, read for what Conduit does not expose. Read-only: each listing is paged in a stable order
 * (by row id) so that a read can be restarted, and never returns a token's value.
 */
public interface PhorgeDatabase extends AutoCloseable {

	/** Every email address of every account ({@code user_email}). */
	PagedSource<AccountEmail> emails();

	/** Every identifier of every external account linked to an account. */
	PagedSource<ExternalIdentifier> externalIdentifiers();

	/** Every account's MFA enrolment ({@code user}). */
	PagedSource<AccountSecurity> security();

	/** Every API token, without its value ({@code conduit_token}). */
	PagedSource<ApiTokenInfo> tokens();

	/**
	 * Every disable and enable of every account ({@code user_transaction} of type {@code user.disable}), in the order
	 * Phorge applied them: an account's last entry says who put it in its current state.
	 */
	PagedSource<AccountDisable> disables();

	/**
	 * Who made an account's latest disable or enable ({@code user_transaction}), read now: idsync re-enables an
	 * account only while its own bot is the one who last disabled it.
	 * @param phid the account
	 * @return the author's PHID and whether that transaction disabled the account, or empty when nobody ever did
	 */
	Optional<AccountDisable> lastDisable(String phid);

	/**
	 * Checks that the database answers and that each table idsync reads is readable, for {@code idsync doctor}.
	 * @return one entry per table, in reading order
	 */
	List<TableAccess> checkAccess();

	/** Releases the connections. */
	@Override
	void close();

	/**
	 * Whether one of Phorge's tables can be read.
	 *
	 * @param table the qualified table name, e.g. {@code phabricator_user.user_email}
	 * @param problem why it cannot be read (the database's message), or {@code null} when it can
	 */
	record TableAccess(String table, @org.jspecify.annotations.Nullable String problem) {

		/** Whether the table can be read. */
		public boolean readable() {
			return this.problem == null;
		}

	}

}
