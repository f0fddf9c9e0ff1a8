package dev.idsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.RowMapper;

/**
 * Streams the rows of one query on its own connection, a fetch-size at a time, so that a step never holds a whole
 * population in memory (PostgreSQL streams only inside a transaction, hence auto-commit off).
 *
 * @param <T> the row type
 */
final class Cursor<T> implements CloseableIterator<T> {

	private static final int FETCH_SIZE = 1_000;

	private final Connection connection;

	private final PreparedStatement statement;

	private final ResultSet rows;

	private final RowMapper<T> mapper;

	private boolean ahead;

	private boolean exhausted;

	private int index;

	Cursor(DataSource dataSource, String sql, RowMapper<T> mapper, Object... parameters) {
		try {
			this.connection = dataSource.getConnection();
			this.connection.setAutoCommit(false);
			this.connection.setReadOnly(true);
			this.statement = this.connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY);
			this.statement.setFetchSize(FETCH_SIZE);
			for (int i = 0; i < parameters.length; i++) {
				this.statement.setObject(i + 1, parameters[i]);
			}
			this.rows = this.statement.executeQuery();
			this.mapper = mapper;
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot open a cursor: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean hasNext() {
		if (!this.ahead && !this.exhausted) {
			try {
				this.exhausted = !this.rows.next();
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("Cannot read the next row: " + ex.getMessage(), ex);
			}
			this.ahead = !this.exhausted;
		}
		return this.ahead;
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		this.ahead = false;
		try {
			return this.mapper.mapRow(this.rows, this.index++);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot map a row: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try (Connection owned = this.connection; PreparedStatement query = this.statement; ResultSet result = this.rows) {
			owned.rollback();
			owned.setReadOnly(false);
			owned.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot close a cursor: " + ex.getMessage(), ex);
		}
	}

}
