package dev.idsync.store;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.StoreProperties;

/**
 * The store's run lock: one run, or admin command, at a time writes to idsync's store and to Phorge, whatever started
 * it (cron, a CronJob, an admin at a terminal, a scheduler). It frees itself the moment its holder's process ends: on
 * PostgreSQL it is a session-level advisory lock held by a connection of its own, on H2 an operating-system lock on a
 * file beside the database ({@code idsync.mv.db} → {@code idsync.run.lock}).
 */
public abstract sealed class StoreLock implements AutoCloseable permits H2RunLock, PostgresRunLock {

	/**
	 * Takes the store's run lock, or says who holds it.
	 * @param store the store
	 * @param password its password
	 * @param holder this process, as a refused command will name it
	 * @return the lock, held until it is closed or this process ends
	 * @throws StoreBusyException when another process holds it
	 */
	static StoreLock acquire(StoreProperties store, String password, LockHolder holder) {
		return store.h2() ? H2RunLock.acquire(store, holder) : PostgresRunLock.acquire(store, password, holder);
	}

	/**
	 * Once the store is open and migrated, makes the holder known where a refused command looks (PostgreSQL), and lets
	 * read-only commands in (H2).
	 * @param store the holder's open store
	 */
	abstract void announce(@Nullable DataSource store);

	/**
	 * Checks that this process still holds the lock: before each write to Phorge.
	 * @throws IllegalStateException when it does not (the connection holding it was lost)
	 */
	public abstract void assertHeld();

	@Override
	public abstract void close();

}
