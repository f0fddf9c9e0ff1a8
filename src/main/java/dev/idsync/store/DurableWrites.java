package dev.idsync.store;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes that must be durable the moment they return, whatever transaction the caller is in: each runs in a
 * transaction of its own and, on H2 (which writes commits to its file up to half a second late, so a killed process
 * would lose them), is checkpointed to the file. PostgreSQL's commit is durable when it returns.
 */
final class DurableWrites {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate own;

	private final boolean h2;

	DurableWrites(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.own = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.h2 = "H2".equals(product(this.jdbc));
	}

	/** The database product, as its JDBC driver names it ({@code H2}, {@code PostgreSQL}). */
	static String product(JdbcTemplate jdbc) {
		return jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName());
	}

	/** Runs the writes in a transaction of their own and makes them durable. */
	<T> T write(Supplier<T> writes) {
		T result = this.own.execute((status) -> writes.get());
		if (this.h2) {
			this.jdbc.execute("CHECKPOINT");
		}
		return result;
	}

	/** Runs the writes in a transaction of their own and makes them durable. */
	void write(Runnable writes) {
		write(() -> {
			writes.run();
			return null;
		});
	}

}
