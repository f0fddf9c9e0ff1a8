package dev.idsync.source.phorge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.Retrying.Verdict;

/**
 * The connections to Phorge's database: a small read-only HikariCP pool that starts on the first read (so that an
 * unreachable server costs one bounded connection attempt there, not at startup), statements with the configured
 * timeout, and failures described without the password. A server that did not answer a connection attempt is not
 * asked again by this pool (one run's): every later read fails at once with that first failure.
 */
final class PhorgeDatabasePool implements AutoCloseable {

	static final String POOL_NAME = "idsync-phorge-db";

	/** HikariCP refuses connection timeouts under 250 ms. */
	private static final long SHORTEST_TIMEOUT_MILLIS = 250;

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s)]*");

	private final HikariDataSource pool;

	private final int queryTimeoutSeconds;

	private final String password;

	private final Duration timeout;

	private final AtomicReference<@Nullable SQLException> unreachable = new AtomicReference<>();

	private PhorgeDatabasePool(HikariDataSource pool, Duration timeout, String password) {
		this.pool = pool;
		this.timeout = timeout;
		this.queryTimeoutSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.plusMillis(999).toSeconds()));
		this.password = password;
	}

	/**
	 * Configures the pool without connecting.
	 * @param properties the server, user, pool size and timeout
	 * @param password the user's password
	 * @return the pool
	 */
	static PhorgeDatabasePool of(PhorgeDatabaseProperties properties, Secret password) {
		long timeout = Math.max(SHORTEST_TIMEOUT_MILLIS, properties.timeout().toMillis());
		// the no-argument constructor defers the pool's start, and its one connection attempt, to the first read
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(POOL_NAME);
		pool.setJdbcUrl(properties.url());
		pool.setDriverClassName(properties.url().startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.mariadb.jdbc.Driver");
		pool.setUsername(properties.username());
		pool.setPassword(password.reveal());
		pool.setReadOnly(true);
		pool.setMaximumPoolSize(properties.poolSize());
		// reads come in bursts (a run, a doctor check): hold no connection between them
		pool.setMinimumIdle(0);
		pool.setConnectionTimeout(timeout);
		pool.setValidationTimeout(Math.min(5000, timeout));
		if (properties.url().startsWith("jdbc:mariadb:")) {
			configureMariadb(pool, timeout);
		}
		return new PhorgeDatabasePool(pool, properties.timeout(), password.reveal());
	}

	private static void configureMariadb(HikariDataSource pool, long timeoutMillis) {
		// the MariaDB driver takes Connection.setReadOnly as a routing hint only: the server must enforce it
		pool.setConnectionInitSql("SET SESSION TRANSACTION READ ONLY");
		pool.addDataSourceProperty("connectTimeout", Long.toString(timeoutMillis));
		// a backstop for a stalled network; the server ends a slow query at the query timeout before this
		pool.addDataSourceProperty("socketTimeout", Long.toString(2 * timeoutMillis));
	}

	/**
	 * A connection from the pool, starting the pool if it has not started; at once the first failure again when the
	 * server is known not to answer.
	 */
	Connection open() throws SQLException {
		SQLException known = this.unreachable.get();
		if (known != null) {
			throw new SQLNonTransientConnectionException(known.getMessage(), known.getSQLState(), known.getCause());
		}
		try {
			return this.pool.getConnection();
		}
		catch (SQLException ex) {
			throw remembered(ex);
		}
		catch (RuntimeException ex) {
			// HikariCP reports a pool that cannot start for a reason other than SQL (e.g. no driver) unchecked
			throw new SQLNonTransientConnectionException(ex.getMessage(), ex);
		}
	}

	/** A failure to connect: one for want of any answer (a timeout, a refused connection) is remembered. */
	private SQLException remembered(SQLException failure) {
		Optional<Verdict.Unreachable> silence = Verdict.Unreachable.of("phorge-db", "Phorge's database", failure,
				this.timeout);
		if (silence.isEmpty()) {
			return failure;
		}
		this.unreachable.compareAndSet(null, new SQLNonTransientConnectionException(silence.get().system()
				+ " did not answer (" + silence.get().reason() + "); not asked again in this run", "08001", failure));
		return this.unreachable.get();
	}

	/** A statement that the server gives up after the configured timeout. */
	PreparedStatement prepare(Connection connection, String sql) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.setQueryTimeout(this.queryTimeoutSeconds);
		return statement;
	}

	/**
	 * What went wrong, from the driver's messages along the causes, without the password.
	 * @param failure the failure
	 * @return e.g. {@code (conn=12) Access denied for user 'idsync'@'10.0.0.5' (using password: YES) [SQLState 28000]}
	 */
	String describe(Throwable failure) {
		Set<String> messages = new LinkedHashSet<>();
		String state = null;
		for (Throwable cause = failure; cause != null && messages.size() < 4; cause = cause.getCause()) {
			String message = (cause.getMessage() != null) ? cause.getMessage().strip() : "";
			// drivers repeat their cause's message in their own ("… Connection refused" caused by "Connection refused")
			if (!message.isEmpty() && messages.stream().noneMatch((known) -> known.contains(message))) {
				messages.add(message);
			}
			if (state == null && cause instanceof SQLException sql && sql.getSQLState() != null) {
				state = sql.getSQLState();
			}
		}
		String text = messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", messages);
		return redact(text + ((state != null) ? " [SQLState " + state + "]" : ""));
	}

	/**
	 * The exception a failed read throws.
	 * @param table the table (or the first of the joined tables) being read
	 * @param failure the failure
	 * @return the exception, carrying the failure as its cause only when no message along it holds the password
	 */
	PhorgeDatabaseException failure(String table, SQLException failure) {
		return new PhorgeDatabaseException(table, describe(failure), holdsPassword(failure) ? null : failure);
	}

	private boolean holdsPassword(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (!redact(message).equals(message)) {
				return true;
			}
		}
		return false;
	}

	private String redact(String text) {
		String out = this.password.isEmpty() ? text : text.replace(this.password, "[redacted]");
		return PASSWORD_PARAMETER.matcher(out).replaceAll("$1[redacted]");
	}

	@Override
	public void close() {
		this.pool.close();
	}

	/** Whether the pool has started (tests: configuring it must not connect). */
	boolean started() {
		return this.pool.isRunning();
	}

}
