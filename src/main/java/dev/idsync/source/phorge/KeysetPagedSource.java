package dev.idsync.source.phorge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.source.Page;
import dev.idsync.source.PagedSource;

/**
 * One of Phorge's tables read in pages that follow the row id ({@code WHERE id > ? ORDER BY id LIMIT ?}): rows added
 * or removed during the read cannot shift the pages, and the cursor (the last id read) restarts a read where it
 * stopped. A page that fails fails the read.
 *
 * @param <T> the item type
 */
final class KeysetPagedSource<T> implements PagedSource<T> {

	private final String name;

	private final String table;

	private final String sql;

	private final Rows<T> rows;

	private final PhorgeDatabasePool pool;

	private final int pageSize;

	/**
	 * Creates the source.
	 * @param name the source's name
	 * @param table the table read (for messages), e.g. {@code phabricator_user.user_email}
	 * @param sql the query: its first column is the row id, its parameters the last id read and the row limit
	 * @param rows maps a row to an item
	 * @param pool the connections
	 * @param pageSize the most rows a page holds
	 */
	KeysetPagedSource(String name, String table, String sql, Rows<T> rows, PhorgeDatabasePool pool, int pageSize) {
		this.name = name;
		this.table = table;
		this.sql = sql;
		this.rows = rows;
		this.pool = pool;
		this.pageSize = pageSize;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Page<T> page(@Nullable String cursor) {
		long after = (cursor != null) ? Long.parseLong(cursor) : 0;
		try (Connection connection = this.pool.open();
				PreparedStatement statement = this.pool.prepare(connection, this.sql)) {
			statement.setLong(1, after);
			// one row more than a page tells whether another page follows, without reading an empty one
			statement.setInt(2, this.pageSize + 1);
			try (ResultSet result = statement.executeQuery()) {
				return read(result, after);
			}
		}
		catch (SQLException ex) {
			throw this.pool.failure(this.table, ex);
		}
	}

	private Page<T> read(ResultSet result, long after) throws SQLException {
		List<T> items = new ArrayList<>();
		long last = after;
		while (items.size() < this.pageSize && result.next()) {
			last = result.getLong(1);
			items.add(this.rows.map(result));
		}
		return new Page<>(items, result.next() ? Long.toString(last) : null);
	}

	/** The query as sent (tests check what it selects). */
	String sql() {
		return this.sql;
	}

	/**
	 * Maps the current row of a result to an item.
	 *
	 * @param <T> the item type
	 */
	@FunctionalInterface
	interface Rows<T> {

		T map(ResultSet row) throws SQLException;

	}

}
