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

import dev.idsync.config.StoreProperties;

/**
 * idsync's own database: a pool, migrated to the current schema. A read-only command opens it whatever runs; on H2,
 * while a run holds the store, it reads it through the run's loopback server (see {@link H2RunLock}).
 */
public final class IdsyncStore implements AutoCloseable {

	/** How long a read-only command waits for an H2 store that another process has open without sharing it. */
	private static final Duration READER_WAIT = Duration.ofSeconds(30);

	/**
	 * How long a run waits for a read-only command that has the H2 store open to end: rendering the report of a very
	 * large run takes minutes, and the night's run should not be lost to it.
	 */
	private static final Duration HOLDER_WAIT = Duration.ofMinutes(10);

	private static final Log log = LogFactory.getLog("dev.idsync.store");

	/** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
	private static final int H2_IN_USE = 90020;

	private final HikariDataSource dataSource;

	private IdsyncStore(HikariDataSource dataSource) {
		this.dataSource = dataSource;
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
	 * Opens the store for a read-only command, whatever runs: on H2, through the loopback server of the run that holds
	 * it, if one does.
	 * @param store the store
	 * @param password its password
	 * @param migrate whether to bring its schema up to date (never done through a run's server: the run did it)
	 * @return the open store
	 * @throws StoreBusyException when another process has the H2 store open and does not share it
	 */
	public static IdsyncStore open(StoreProperties store, String password, boolean migrate) {
		if (!store.h2()) {
			return migrated(pool("idsync-read", store.jdbcUrl(), store, password, 4), store, migrate);
		}
		Instant deadline = Instant.now().plus(READER_WAIT);
		while (true) {
			try {
				return migrated(pool("idsync-read", store.jdbcUrl(), store, password, 4), store, migrate);
			}
			catch (HikariPool.PoolInitializationException ex) {
				Optional<String> served = H2RunLock.readersUrl(store).filter((url) -> inUse(ex));
				if (served.isPresent()) {
					try {
						return new IdsyncStore(pool("idsync-read", served.get(), store, password, 4));
					}
					catch (HikariPool.PoolInitializationException gone) {
						// the run ended in between: the store is free, or about to be
					}
				}
				waitOrGiveUp(ex, deadline, store, "another process has it open and does not share it (an older "
						+ "idsync, or another tool)");
			}
		}
	}

	/**
	 * Opens and migrates the store for the holder of its run lock: on H2 in this process, waiting for a read-only
	 * command that has it open to end.
	 */
	static IdsyncStore openHeld(StoreProperties store, String password) {
		Instant deadline = Instant.now().plus(HOLDER_WAIT);
		boolean said = false;
		while (true) {
			try {
				return migrated(pool("idsync", store.jdbcUrl(), store, password, 10), store, true);
			}
			catch (HikariPool.PoolInitializationException ex) {
				if (!store.h2()) {
					throw ex;
				}
				if (!said && inUse(ex)) {
					log.warn(store.display() + " is open in another process (a read-only command such as 'idsync "
							+ "report'); waiting up to " + HOLDER_WAIT.toMinutes() + " minutes for it to close");
					said = true;
				}
				waitOrGiveUp(ex, deadline, store, "a read-only command (idsync report, history, …) has had it open for "
						+ HOLDER_WAIT.toMinutes() + " minutes");
			}
		}
	}

	/** The pool. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

	private static IdsyncStore migrated(HikariDataSource dataSource, StoreProperties store, boolean migrate) {
		try {
			if (migrate) {
				Flyway.configure().dataSource(dataSource)
					.locations("classpath:sql/common", "classpath:sql/" + (store.h2() ? "h2" : "postgresql"))
					.load().migrate();
			}
			return new IdsyncStore(dataSource);
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
		return new HikariDataSource(config);
	}

	/** Sleeps a moment when the H2 store is in use and the deadline is ahead; rethrows anything else. */
	private static void waitOrGiveUp(HikariPool.PoolInitializationException ex, Instant deadline, StoreProperties store,
			String why) {
		if (!inUse(ex)) {
			throw ex;
		}
		if (Instant.now().isAfter(deadline)) {
			throw new StoreBusyException(store.display() + " cannot be opened: " + why + ". Try again when it ends.");
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
