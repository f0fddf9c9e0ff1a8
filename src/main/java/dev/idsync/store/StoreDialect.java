package dev.idsync.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What idsync's store does differently on H2 and on PostgreSQL, the product asked once.
 */
final class StoreDialect {

	private final JdbcTemplate jdbc;

	private volatile Boolean h2;

	StoreDialect(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@code USE INDEX (index)} on H2, else nothing: to follow a table name in a {@code FROM} clause. H2's planner
	 * weighs every index on {@code run_id} alike, may pick one that does not give a large read its order, and then
	 * sorts the whole run, in a temporary file when it is larger than its memory rows. PostgreSQL plans by its
	 * statistics, and takes no hint. (H2's lazy query execution, which would also stream such reads, was tried and
	 * dropped: a long lazy read during the run's writes failed with "MVStoreException: Chunk … not found" in H2
	 * 2.4.240.)
	 */
	String useIndex(String index) {
		return h2() ? " USE INDEX (" + index + ")" : "";
	}

	/**
	 * Refreshes PostgreSQL's statistics of tables a step has just filled: without them its planner takes tables that
	 * were empty a minute ago for empty, and plans joins over them as nested loops. H2 needs nothing.
	 * @param tables the tables, comma-separated
	 */
	void analyze(String tables) {
		if (!h2()) {
			this.jdbc.execute("ANALYZE " + tables);
		}
	}

	private boolean h2() {
		Boolean known = this.h2;
		if (known == null) {
			known = "H2".equals(DurableWrites.product(this.jdbc));
			this.h2 = known;
		}
		return known;
	}

	/**
	 * A one-row insert that leaves the table as it is when the row's primary key is already there, with a parameter
	 * for each column: {@code ON CONFLICT DO NOTHING} on PostgreSQL, whose driver then sends a batch of them as
	 * multi-row statements; {@code MERGE … KEY} on H2.
	 * @param table the table
	 * @param columns its columns, comma-separated: its primary key
	 */
	String insertNew(String table, String columns) {
		return h2() ? "MERGE INTO " + table + " (" + columns + ") KEY (" + columns + ")" + parameters(columns)
				: "INSERT INTO " + table + " (" + columns + ")" + parameters(columns) + " ON CONFLICT DO NOTHING";
	}

	/** {@code VALUES (?, …)}, a parameter for each of the comma-separated {@code columns}. */
	private static String parameters(String columns) {
		return " VALUES (" + String.join(", ", Collections.nCopies(columns.split(",").length, "?")) + ")";
	}

	/**
	 * Inserts rows into one table: on PostgreSQL with one {@code COPY} (no statement to parse, plan and bind per row;
	 * PostgreSQL's fastest way in), elsewhere as a JDBC batch of {@code INSERT}s, 500 rows to a batch. Runs in the
	 * caller's transaction, like any other statement of the template.
	 * @param table the table
	 * @param columns its columns, comma-separated, in the order of {@code values}
	 * @param items what to insert
	 * @param values one item's column values: strings, booleans, numbers, timestamps or nulls
	 */
	<T> void insert(String table, String columns, List<T> items, Function<? super T, @Nullable Object[]> values) {
		if (items.isEmpty()) {
			return;
		}
		if (!h2()) {
			StringBuilder text = new StringBuilder(items.size() * 160);
			for (T item : items) {
				@Nullable Object[] row = values.apply(item);
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						text.append('\t');
					}
					copyText(text, row[i]);
				}
				text.append('\n');
			}
			this.jdbc.execute((ConnectionCallback<Long>) (connection) -> {
				try {
					return connection.unwrap(PGConnection.class).getCopyAPI()
						.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
				}
				catch (IOException ex) {
					throw new SQLException("COPY " + table + " failed: " + ex.getMessage(), "08006", ex);
				}
			});
			return;
		}
		this.jdbc.batchUpdate("INSERT INTO " + table + " (" + columns + ")" + parameters(columns), items, 500,
				(PreparedStatement statement, T item) -> {
					@Nullable Object[] row = values.apply(item);
					for (int i = 0; i < row.length; i++) {
						if (row[i] == null) {
							statement.setNull(i + 1, Types.NULL);
						}
						else {
							statement.setObject(i + 1, row[i]);
						}
					}
				});
	}

	/**
	 * A value in COPY's text format: {@code \N} for null, {@code t} or {@code f} for a boolean, a timestamp as an ISO
	 * instant, anything else as its text with backslash, tab, newline and carriage return escaped.
	 */
	static void copyText(StringBuilder text, @Nullable Object value) {
		if (value == null) {
			text.append("\\N");
			return;
		}
		if (value instanceof Boolean bool) {
			text.append(bool ? 't' : 'f');
			return;
		}
		if (value instanceof Number) {
			text.append(value);
			return;
		}
		String string = (value instanceof Timestamp timestamp) ? timestamp.toInstant().toString() : value.toString();
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

}
