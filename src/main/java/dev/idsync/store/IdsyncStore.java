package dev.idsync.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import dev.idsync.config.StoreProperties;

/**
 * idsync's own database: a pool, migrated to the current schema. On H2, whose file only one process can have open,
 * a process opens it in embedded mode when it is free, and otherwise through the loopback server of the process that
 * has it open, if that one serves it ({@link H2Sharing}: a run holding the store, or {@code idsync serve}); if the
 * process that has it open serves nobody (a read-only command), it waits for it to close.
 */
public final class IdsyncStore implements AutoCloseable {

	/** How long a read-only command waits for an H2 store that another process has open without sharing it. */
	private static final Duration READER_WAIT = Duration.ofSeconds(30);

	/**
	 * How long a run, or serve, waits for a read-only command that has the H2 store open to end: rendering the report
	 * of a very large run takes minutes, and the night's run should not be lost to it.
	 */
	private static final Duration HOLDER_WAIT = Duration.ofMinutes(10);

	/** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
	private static final int H2_IN_USE = 90020;

	private static final Log log = LogFactory.getLog("dev.idsync.store");

	private final HikariDataSource dataSource;

	private final boolean served;

	private final @Nullable H2Sharing sharing;

	private IdsyncStore(HikariDataSource dataSource, boolean served) {
		this(dataSource, served, null);
	}

	private IdsyncStore(HikariDataSource dataSource, boolean served, @Nullable H2Sharing sharing) {
		this.dataSource = dataSource;
		this.served = served;
		this.sharing = sharing;
	}

	/**
	 * Opens and migrates the store for a read-only command.
	 * @param url the JDBC URL ({@code jdbc:h2:file:…} or {@code jdbc:postgresql:…})
	 * @param username the user
	 * @param password the password
	 * @return the open store
	 */
	public static IdsyncStore open(String url, String username, String password) {
		return open(new StoreProperties(url, username, null, "IDSYNC_STORE_PASSWORD"), password, true);
	}

	/**
	 * Opens the store for a read-only command, whatever runs.
	 * @param store the store
	 * @param password its password
	 * @param migrate whether to bring its schema up to date (never done through another process's server: that
	 * process did it)
	 * @return the open store
	 * @throws StoreBusyException when another process has the H2 store open and does not share it
	 */
	public static IdsyncStore open(StoreProperties store, String password, boolean migrate) {
		return open(store, password, migrate, "idsync-read", 4, READER_WAIT);
	}

	/**
	 * Opens and migrates the store for a process that writes it (the holder of its run lock, or {@code idsync serve})
	 * and serves an H2 store it opened to idsync's other processes until closed, waiting for a read-only command that
	 * has an H2 store open to end.
	 * @param store the store
	 * @param password its password
	 * @return the open store
	 * @throws StoreBusyException when another process has had the H2 store open, without sharing it, too long
	 */
	public static IdsyncStore openToServe(StoreProperties store, String password) {
		IdsyncStore open = open(store, password, true, "idsync", 10, HOLDER_WAIT);
		if (!store.h2() || open.served) {
			return open;
		}
		try {
			return new IdsyncStore(open.dataSource, false, H2Sharing.share(store));
		}
		catch (RuntimeException ex) {
			open.close();
			throw ex;
		}
	}

	/** The pool. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		if (this.sharing != null) {
			this.sharing.close();
		}
		this.dataSource.close();
	}

	private static IdsyncStore open(StoreProperties store, String password, boolean migrate, String name, int size,
			Duration wait) {
		if (!store.h2()) {
			return migrated(pool(name, store.jdbcUrl(), store, password, size), store, migrate);
		}
		Instant deadline = Instant.now().plus(wait);
		boolean said = false;
		while (true) {
			try {
				return migrated(pool(name, store.jdbcUrl(), store, password, size), store, migrate);
			}
			catch (HikariPool.PoolInitializationException ex) {
				if (!inUse(ex)) {
					throw ex;
				}
				Optional<String> served = H2Sharing.url(store);
				if (served.isPresent()) {
					try {
						return new IdsyncStore(pool(name, served.get(), store, password, size), true);
					}
					catch (HikariPool.PoolInitializationException gone) {
						// the process that served it ended in between: the store is free, or about to be
					}
				}
				if (!said && wait.compareTo(READER_WAIT) > 0) {
					log.warn(store.display() + " is open in another process (a read-only command such as 'idsync "
							+ "report'); waiting up to " + wait.toMinutes() + " minutes for it to close");
					said = true;
				}
				waitOrGiveUp(ex, deadline, store, wait);
			}
		}
	}

	private static IdsyncStore migrated(HikariDataSource dataSource, StoreProperties store, boolean migrate) {
		try {
			if (migrate) {
				Flyway.configure().dataSource(dataSource)
					.locations("classpath:sql/common", "classpath:sql/" + (store.h2() ? "h2" : "postgresql"))
					.load().migrate();
			}
			return new IdsyncStore(dataSource, false);
		}
		catch (RuntimeException ex) {
			dataSource.close();
			throw ex;
		}
	}

	private static HikariDataSource pool(String name, String url, StoreProperties store, String password, int size) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		config.setJdbcUrl(url);
		config.setUsername(store.username());
		config.setPassword(password);
		// a report streams its findings and actions at once, each over a connection of its own
		config.setMaximumPoolSize(size);
		if (url.startsWith("jdbc:postgresql:")) {
			// the driver sends a batch of INSERTs as multi-row statements: the staged rows and findings go in by
			// COPY (StoreDialect.insert), the other batches (entitlement, matches, actions) as such statements; one
			// round trip per row made the bookkeeping of 100,000 people 10 s slower
			config.addDataSourceProperty("reWriteBatchedInserts", "true");
		}
		return new HikariDataSource(config);
	}

	/** Sleeps a moment while the deadline is ahead; then gives up, saying why. */
	private static void waitOrGiveUp(HikariPool.PoolInitializationException ex, Instant deadline, StoreProperties store,
			Duration wait) {
		if (Instant.now().isAfter(deadline)) {
			throw new StoreBusyException(store.display() + " cannot be opened: another process has had it open for "
					+ ((wait.toMinutes() > 0) ? wait.toMinutes() + " minutes" : wait.toSeconds() + " s") + " and does "
					+ "not share it (a read-only command such as 'idsync report', an older idsync, or another tool). "
					+ "Try again when it ends.");
		}
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw ex;
		}
	}

	private static boolean inUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_IN_USE) {
				return true;
			}
		}
		return false;
	}

}
