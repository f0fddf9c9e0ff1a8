package dev.idsync.sim.phorge.db;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.sim.phorge.PhorgeUserTransaction;

/**
 * Phorge's {@code <prefix>user.user_transaction} table, written as {@code PhabricatorApplicationTransactionEditor}
 * writes a transaction ({@code populateTransaction()}): viewable by the public, editable by its author, without a
 * comment ({@code commentPHID} NULL, version 0) and with empty metadata ({@code []}, PHP's empty array as JSON). The
 * policies and metadata are modelled on Phorge's source, not recorded from an instance.
 */
final class UserTransactionTable {

	/** The columns written, in the order of {@link #values}. */
	static final List<String> COLUMNS = List.of("phid", "authorPHID", "objectPHID", "viewPolicy", "editPolicy",
			"commentPHID", "commentVersion", "transactionType", "oldValue", "newValue", "metadata", "contentSource",
			"dateCreated", "dateModified");

	private final JdbcTemplate jdbc;

	private final String insert;

	UserTransactionTable(DataSource dataSource, String prefix) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.insert = "INSERT INTO `" + PhorgeSchema.requirePrefix(prefix) + "user`.`user_transaction` ("
				+ COLUMNS.stream().map((column) -> "`" + column + "`").collect(Collectors.joining(", ")) + ") VALUES ("
				+ COLUMNS.stream().map((column) -> "?").collect(Collectors.joining(", ")) + ")";
	}

	/** The row of {@code transaction}, in {@link #COLUMNS} order. */
	static Object[] values(PhorgeUserTransaction transaction) {
		return new Object[] { transaction.phid(), transaction.authorPhid(), transaction.objectPhid(), "public",
				transaction.authorPhid(), null, 0, transaction.type(), transaction.oldValue(), transaction.newValue(),
				"[]", transaction.contentSource(), transaction.dateCreated(), transaction.dateCreated() };
	}

	/** Appends the transactions, in order. */
	void insert(List<PhorgeUserTransaction> transactions) {
		if (!transactions.isEmpty()) {
			this.jdbc.batchUpdate(this.insert, transactions.stream().map(UserTransactionTable::values).toList());
		}
	}

}
