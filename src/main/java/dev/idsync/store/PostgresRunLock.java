package dev.idsync.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.StoreProperties;

/**
 * The run lock of a PostgreSQL store: a session-level advisory lock, per schema, held by a connection of its own for
 * as long as the holder runs. PostgreSQL releases it when that session ends, so when the holder's process dies (on a
 * lost network, once the server notices the connection is gone: TCP keepalive). The holder names itself in
 * {@code store_lock_holder}, tied to its session by {@code backend_pid}.
 */
final class PostgresRunLock extends StoreLock {

	/** The advisory lock's first key, 'idsy'; the second is the hash of the store's schema. */
	private static final int CLASS_ID = 0x69647379;

	private static final String SCHEMA_KEY = "hashtext(current_schema())";

	/** The session holding the lock, as {@code pg_locks} shows it. */
	private static final String HOLDING_SESSION = "SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' "
			+ "AND l.classid = " + CLASS_ID + " AND l.objid = " + SCHEMA_KEY + "::oid AND l.objsubid = 2 "
			+ "AND l.granted";

	private final Connection connection;

	private final LockHolder holder;

	private PostgresRunLock(Connection connection, LockHolder holder) {
		this.connection = connection;
		this.holder = holder;
	}

	static PostgresRunLock acquire(StoreProperties store, String password, LockHolder holder) {
		Connection connection = null;
		try {
			connection = DriverManager.getConnection(store.url(), store.username(), password);
			connection.setAutoCommit(true);
			if (!locked(connection, store)) {
				StoreBusyException busy = named(connection, store);
				connection.close();
				throw busy;
			}
			PostgresRunLock lock = new PostgresRunLock(connection, holder);
			try {
				// at once where the store has its tables (a new store gets them, and the row, once migrated)
				lock.announce(null);
			}
			catch (IllegalStateException noTableYet) {
				// announced after the migration
			}
			return lock;
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new IllegalStateException("cannot take the run lock on " + store.display() + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	void announce(@Nullable DataSource store) {
		try (PreparedStatement delete = this.connection.prepareStatement(
				"DELETE FROM store_lock_holder WHERE lock_name = 'run'");
				PreparedStatement insert = this.connection.prepareStatement("INSERT INTO store_lock_holder (lock_name, "
						+ "run_id, command, host, pid, since, backend_pid) VALUES ('run', ?, ?, ?, ?, ?, "
						+ "pg_backend_pid())")) {
			delete.executeUpdate();
			insert.setString(1, this.holder.runId());
			insert.setString(2, this.holder.command());
			insert.setString(3, this.holder.host());
			insert.setLong(4, this.holder.pid());
			insert.setTimestamp(5, Timestamp.from(this.holder.since()));
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot record the run lock's holder: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void assertHeld() {
		try {
			if (!bool(this.connection, "SELECT EXISTS (" + HOLDING_SESSION + " AND l.pid = pg_backend_pid())")) {
				throw new IllegalStateException("idsync no longer holds the run lock on its store");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("idsync lost the connection that holds the run lock on its store ("
					+ ex.getMessage() + ")", ex);
		}
	}

	@Override
	public void close() {
		try {
			// at once, not when the server has noticed the session ended: the next command may follow right away
			bool(this.connection, "SELECT pg_advisory_unlock(" + CLASS_ID + ", " + SCHEMA_KEY + ")");
		}
		catch (SQLException ex) {
			// the session ends with the connection, and the lock with it
		}
		closeQuietly(this.connection);
	}

	/**
	 * Takes the lock, unless a holder that says who it is has it: a holder that took it a moment ago is given a
	 * moment to say so, and one that is releasing it a moment to finish.
	 */
	private static boolean locked(Connection connection, StoreProperties store) throws SQLException {
		for (int i = 0; i < 10; i++) {
			if (bool(connection, "SELECT pg_try_advisory_lock(" + CLASS_ID + ", " + SCHEMA_KEY + ")")) {
				return true;
			}
			if (named(connection, store).holder() != null) {
				return false;
			}
			pause();
		}
		return false;
	}

	/** Who holds the lock, as its holder recorded it, checked against the session that really holds it. */
	private static StoreBusyException named(Connection connection, StoreProperties store) throws SQLException {
		Integer session = null;
		try (PreparedStatement query = connection.prepareStatement(HOLDING_SESSION);
				ResultSet rows = query.executeQuery()) {
			session = rows.next() ? rows.getInt(1) : null;
		}
		String starting = (session != null) ? "PostgreSQL session " + session : null;
		try (PreparedStatement query = connection.prepareStatement("SELECT run_id, command, host, pid, since, "
				+ "backend_pid FROM store_lock_holder WHERE lock_name = 'run'"); ResultSet rows = query.executeQuery()) {
			if (rows.next() && session != null && rows.getInt("backend_pid") == session) {
				return new StoreBusyException(new LockHolder(rows.getString("run_id"), rows.getString("command"),
						rows.getString("host"), rows.getLong("pid"), rows.getTimestamp("since").toInstant()),
						store.display(), null);
			}
		}
		catch (SQLException noTableYet) {
			// the holder is creating the store's tables
		}
		return new StoreBusyException(null, store.display(), starting);
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean bool(Connection connection, String sql) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
			return rows.next() && rows.getBoolean(1);
		}
	}

	private static void closeQuietly(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the session ends with the connection either way
			}
		}
	}

}
