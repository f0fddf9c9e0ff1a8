package dev.idsync.source.phorge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.AccountDisable;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.source.PagedSource;
import dev.idsync.source.PhorgeDatabase;

import static dev.idsync.source.phorge.PhorgeTable.AUTH_PROVIDER_CONFIG;
import static dev.idsync.source.phorge.PhorgeTable.CONDUIT_TOKEN;
import static dev.idsync.source.phorge.PhorgeTable.EXTERNAL_ACCOUNT;
import static dev.idsync.source.phorge.PhorgeTable.EXTERNAL_ACCOUNT_IDENTIFIER;
import static dev.idsync.source.phorge.PhorgeTable.USER;
import static dev.idsync.source.phorge.PhorgeTable.USER_EMAIL;
import static dev.idsync.source.phorge.PhorgeTable.USER_TRANSACTION;

/**
 * Phorge's database through JDBC, with SQL that MySQL, MariaDB and H2's MySQL mode (the simulator) all accept. It only
 * ever selects: the token inventory never names {@code conduit_token.token}.
 */
final class JdbcPhorgeDatabase implements PhorgeDatabase {

	/** Rows a page: a thousand short rows are a few hundred kilobytes, and 50,000 addresses take 50 queries. */
	static final int PAGE_SIZE = 1000;

	private static final String AFTER_ID = " > ? ORDER BY ";

	/** The type of the transactions that disable and enable users. */
	private static final String DISABLE_TRANSACTION = "user.disable";

	private final PhorgeDatabasePool pool;

	private final String prefix;

	private final int pageSize;

	JdbcPhorgeDatabase(PhorgeDatabasePool pool, String prefix, int pageSize) {
		if (pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be positive");
		}
		this.pool = pool;
		this.prefix = prefix;
		this.pageSize = pageSize;
	}

	@Override
	public KeysetPagedSource<AccountEmail> emails() {
		String sql = "SELECT `e`.`id`, `e`.`userPHID`, `e`.`address`, `e`.`isVerified`, `e`.`isPrimary` FROM "
				+ USER_EMAIL.sql(this.prefix) + " `e` WHERE `e`.`id`" + AFTER_ID + "`e`.`id` LIMIT ?";
		return source("phorge-db:emails", USER_EMAIL, sql, (row) -> new AccountEmail(text(row, "userPHID"),
				text(row, "address"), row.getBoolean("isVerified"), row.getBoolean("isPrimary")));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The provider comes from {@code auth_providerconfig}, not from the account's obsolete {@code accountType} and
	 * {@code accountDomain}. An account whose provider configuration is gone is left out, as Phorge itself leaves it
	 * out of every query ({@code PhabricatorExternalAccountQuery::willFilterPage}): nobody can sign in through it.
	 */
	@Override
	public KeysetPagedSource<ExternalIdentifier> externalIdentifiers() {
		String sql = "SELECT `i`.`id`, `a`.`userPHID`, `i`.`externalAccountPHID`, `c`.`providerType`, "
				+ "`c`.`providerDomain`, `i`.`identifierRaw` FROM " + EXTERNAL_ACCOUNT_IDENTIFIER.sql(this.prefix)
				+ " `i` JOIN " + EXTERNAL_ACCOUNT.sql(this.prefix) + " `a` ON `a`.`phid` = `i`.`externalAccountPHID`"
				+ " JOIN " + AUTH_PROVIDER_CONFIG.sql(this.prefix) + " `c` ON `c`.`phid` = `a`.`providerConfigPHID`"
				+ " WHERE `a`.`userPHID` IS NOT NULL AND `i`.`id`" + AFTER_ID + "`i`.`id` LIMIT ?";
		return source("phorge-db:links", EXTERNAL_ACCOUNT_IDENTIFIER, sql,
				(row) -> new ExternalIdentifier(text(row, "userPHID"), text(row, "externalAccountPHID"),
						text(row, "providerType"), text(row, "providerDomain"), text(row, "identifierRaw")));
	}

	@Override
	public KeysetPagedSource<AccountSecurity> security() {
		String sql = "SELECT `u`.`id`, `u`.`phid`, `u`.`isEnrolledInMultiFactor` FROM " + USER.sql(this.prefix)
				+ " `u` WHERE `u`.`id`" + AFTER_ID + "`u`.`id` LIMIT ?";
		return source("phorge-db:mfa", USER, sql,
				(row) -> new AccountSecurity(text(row, "phid"), row.getBoolean("isEnrolledInMultiFactor")));
	}

	@Override
	public KeysetPagedSource<ApiTokenInfo> tokens() {
		String sql = "SELECT `t`.`id`, `t`.`objectPHID`, `t`.`tokenType`, `t`.`tokenName`, `t`.`dateCreated`, "
				+ "`t`.`expires` FROM " + CONDUIT_TOKEN.sql(this.prefix) + " `t` WHERE `t`.`id`" + AFTER_ID
				+ "`t`.`id` LIMIT ?";
		return source("phorge-db:tokens", CONDUIT_TOKEN, sql,
				(row) -> new ApiTokenInfo(row.getLong("id"), text(row, "objectPHID"), text(row, "tokenType"),
						text(row, "tokenName"), row.getLong("dateCreated"), optionalLong(row, "expires")));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Phorge stores a {@code user.disable} transaction's new value as JSON ({@code true} or {@code false}); the
	 * transaction type is a constant of Phorge's ({@code PhorgeUserDisableTransaction::TRANSACTIONTYPE}), so the
	 * filter is part of the statement. Every other transaction of users (approvals, renames, …) is left out.
	 */
	@Override
	public KeysetPagedSource<AccountDisable> disables() {
		String sql = "SELECT `t`.`id`, `t`.`objectPHID`, `t`.`authorPHID`, `t`.`newValue`, `t`.`dateCreated` FROM "
				+ USER_TRANSACTION.sql(this.prefix) + " `t` WHERE `t`.`transactionType` = '" + DISABLE_TRANSACTION
				+ "' AND `t`.`id`" + AFTER_ID + "`t`.`id` LIMIT ?";
		return source("phorge-db:disables", USER_TRANSACTION, sql, (row) -> new AccountDisable(
				text(row, "objectPHID"), text(row, "authorPHID"), jsonBoolean(row, "newValue"),
				row.getLong("dateCreated")));
	}

	@Override
	public Optional<AccountDisable> lastDisable(String phid) {
		String sql = "SELECT `t`.`objectPHID`, `t`.`authorPHID`, `t`.`newValue`, `t`.`dateCreated` FROM "
				+ USER_TRANSACTION.sql(this.prefix) + " `t` WHERE `t`.`transactionType` = '" + DISABLE_TRANSACTION
				+ "' AND `t`.`objectPHID` = ? ORDER BY `t`.`dateCreated` DESC, `t`.`id` DESC LIMIT 1";
		try (Connection connection = this.pool.open();
				PreparedStatement statement = this.pool.prepare(connection, sql)) {
			statement.setString(1, phid);
			try (ResultSet row = statement.executeQuery()) {
				return row.next() ? Optional.of(new AccountDisable(text(row, "objectPHID"), text(row, "authorPHID"),
						jsonBoolean(row, "newValue"), row.getLong("dateCreated"))) : Optional.empty();
			}
		}
		catch (SQLException ex) {
			throw new PhorgeDatabaseException(USER_TRANSACTION.displayName(this.prefix), "cannot read who last "
					+ "disabled " + phid + ": " + this.pool.describe(ex), ex);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * All tables are checked over one connection, in {@link PhorgeTable} order; when none can be had, every entry
	 * carries the same {@code cannot connect: …} problem rather than one connection attempt per table.
	 */
	@Override
	public List<TableAccess> checkAccess() {
		List<TableAccess> access = new ArrayList<>();
		try (Connection connection = this.pool.open()) {
			for (PhorgeTable table : PhorgeTable.values()) {
				access.add(probe(connection, table));
			}
		}
		catch (SQLException ex) {
			if (access.isEmpty()) {
				return unreachable(ex);
			}
			// the connection failed to close after every table was checked: the answer stands
		}
		return access;
	}

	@Override
	public void close() {
		this.pool.close();
	}

	private TableAccess probe(Connection connection, PhorgeTable table) {
		try (PreparedStatement statement = this.pool.prepare(connection, table.probe(this.prefix));
				ResultSet result = statement.executeQuery()) {
			result.next();
			return new TableAccess(table.displayName(this.prefix), null);
		}
		catch (SQLException ex) {
			return new TableAccess(table.displayName(this.prefix), this.pool.describe(ex));
		}
	}

	private List<TableAccess> unreachable(SQLException failure) {
		String problem = "cannot connect: " + this.pool.describe(failure);
		List<TableAccess> access = new ArrayList<>();
		for (PhorgeTable table : PhorgeTable.values()) {
			access.add(new TableAccess(table.displayName(this.prefix), problem));
		}
		return access;
	}

	private <T> KeysetPagedSource<T> source(String name, PhorgeTable table, String sql,
			KeysetPagedSource.Rows<T> rows) {
		return new KeysetPagedSource<>(name, table.displayName(this.prefix), sql, rows, this.pool, this.pageSize);
	}

	/** A {@code NOT NULL} column; PHIDs are {@code varbinary}, which MariaDB's driver and H2 both decode as UTF-8. */
	private static String text(ResultSet row, String column) throws SQLException {
		String value = row.getString(column);
		if (value == null) {
			throw new SQLDataException(column + " is NULL in the row with id " + row.getLong(1)
					+ ", which Phorge's schema does not allow");
		}
		return value;
	}

	/** A JSON boolean as Phorge encodes one ({@code true}, {@code false}), or PHP's {@code 1} and {@code 0}. */
	private static boolean jsonBoolean(ResultSet row, String column) throws SQLException {
		String value = text(row, column).strip();
		return switch (value) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw new SQLDataException(column + " is '" + value + "' in the row with id " + row.getLong(1)
					+ ", which is not a JSON boolean");
		};
	}

	private static @Nullable Long optionalLong(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : value;
	}

}
