package dev.idsync.sim.phorge.db;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.idsync.sim.phorge.PhorgeAuthProvider;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.PhorgeUserTransaction;

/**
 * What a simulated Phorge instance holds in its databases, to be written into Phorge's tables.
 *
 * @param users the {@code user} rows, whose ids and PHIDs Conduit answers with
 * @param emails the {@code user_email} rows
 * @param tokens the {@code conduit_token} rows
 * @param providers the {@code auth_providerconfig} rows
 * @param externalAccounts the {@code user_externalaccount} rows with their identifiers
 * @param transactions the {@code user_transaction} rows, in the order Phorge applied them
 */
public record PhorgeRows(List<PhorgeUser> users, List<PhorgeEmail> emails, List<PhorgeToken> tokens,
		List<PhorgeAuthProvider> providers, List<PhorgeExternalAccount> externalAccounts,
		List<PhorgeUserTransaction> transactions) {

	public PhorgeRows {
		users = List.copyOf(users);
		emails = List.copyOf(emails);
		tokens = List.copyOf(tokens);
		providers = List.copyOf(providers);
		externalAccounts = List.copyOf(externalAccounts);
		transactions = List.copyOf(transactions);
	}

	/** Rows without any transaction. */
	public PhorgeRows(List<PhorgeUser> users, List<PhorgeEmail> emails, List<PhorgeToken> tokens,
			List<PhorgeAuthProvider> providers, List<PhorgeExternalAccount> externalAccounts) {
		this(users, emails, tokens, providers, externalAccounts, List.of());
	}

	/**
	 * Inserts the rows into Phorge's tables, which {@link PhorgeSchema#create} made, in one transaction. Users keep
	 * their ids (Conduit's cursors are ids); every other row gets the next id of its table, in list order. The
	 * columns Conduit does not show (account secrets, verification codes, the PHIDs of addresses and identifiers)
	 * are drawn from a random source of fixed seed, so that the same rows always give the same tables.
	 * @param dataSource a connection allowed to insert into Phorge's tables, on H2 or MariaDB
	 * @param prefix the prefix of Phorge's database names
	 */
	public void insertInto(DataSource dataSource, String prefix) {
		PhorgeRowWriter writer = new PhorgeRowWriter(dataSource, PhorgeSchema.requirePrefix(prefix));
		new TransactionTemplate(new JdbcTransactionManager(dataSource))
			.executeWithoutResult((status) -> writer.write(this));
	}

}
