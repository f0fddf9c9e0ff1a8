package dev.idsync.sim.phorge.db;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.idsync.sim.phorge.PhorgeDirectory;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.UserChange;

/**
 * A {@link PhorgeDirectory} backed by Phorge's database as far as idsync can tell: Conduit authenticates every
 * token from the {@code conduit_token} table, so that a token inserted there, or expired there, is accepted or
 * refused from the next call on; and every edit is written through to the {@code user} table, with the
 * {@code user.disable} transactions of Conduit's disables and enables in {@code user_transaction}. Users and addresses
 * are still read from the in-memory directory, which holds the same rows, so that a scan of 100,000 users stays
 * fast; the simulator changes them only through {@link #update}, so the two never disagree unless someone edits
 * {@code user} or {@code user_email} behind Conduit's back (idsync never does: it only reads them).
 */
public final class DatabasePhorgeDirectory implements PhorgeDirectory {

	private final PhorgeDirectory memory;

	private final ConduitTokenTable tokens;

	private final UserTable users;

	private final UserTransactionTable transactions;

	private final TransactionTemplate atomically;

	/**
	 * Creates the directory.
	 * @param memory the users and addresses, as the database holds them
	 * @param dataSource Phorge's own connection to its database (H2 or MariaDB), allowed to update {@code user}
	 * @param prefix the prefix of Phorge's database names
	 */
	public DatabasePhorgeDirectory(PhorgeDirectory memory, DataSource dataSource, String prefix) {
		this.memory = memory;
		this.tokens = new ConduitTokenTable(dataSource, prefix);
		this.users = new UserTable(dataSource, prefix);
		this.transactions = new UserTransactionTable(dataSource, prefix);
		this.atomically = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	@Override
	public List<PhorgeUser> users() {
		return this.memory.users();
	}

	@Override
	public Optional<PhorgeUser> userByPhid(String phid) {
		return this.memory.userByPhid(phid);
	}

	@Override
	public Optional<PhorgeUser> userById(long id) {
		return this.memory.userById(id);
	}

	@Override
	public Optional<PhorgeUser> userByName(String userName) {
		return this.memory.userByName(userName);
	}

	@Override
	public Optional<PhorgeEmail> email(String address) {
		return this.memory.email(address);
	}

	@Override
	public List<PhorgeEmail> emailsOf(String userPhid) {
		return this.memory.emailsOf(userPhid);
	}

	/** The token row from the database, read afresh on every call. */
	@Override
	public Optional<PhorgeToken> token(String secret) {
		return this.tokens.find(secret);
	}

	/**
	 * Applies the change in memory and, when it changed anything, writes the row to the database first: if the write
	 * fails, memory keeps the old row too.
	 */
	@Override
	public PhorgeUser update(String phid, UnaryOperator<PhorgeUser> change) {
		return edit(phid, (current) -> new UserChange(change.apply(current), List.of())).user();
	}

	/**
	 * Applies the edit in memory and, when it changed anything or recorded transactions, writes the row and appends
	 * the transactions in one database transaction first: if that fails, memory keeps the old row too.
	 */
	@Override
	public UserChange edit(String phid, Function<PhorgeUser, UserChange> change) {
		AtomicReference<UserChange> made = new AtomicReference<>();
		this.memory.update(phid, (current) -> {
			UserChange edited = change.apply(current);
			boolean changed = !edited.user().equals(current);
			if (changed || !edited.transactions().isEmpty()) {
				this.atomically.executeWithoutResult((status) -> {
					if (changed) {
						this.users.update(edited.user());
					}
					this.transactions.insert(edited.transactions());
				});
			}
			made.set(edited);
			return edited.user();
		});
		return made.get();
	}

	@Override
	public boolean canDisableUsers(PhorgeUser viewer) {
		return this.memory.canDisableUsers(viewer);
	}

}
