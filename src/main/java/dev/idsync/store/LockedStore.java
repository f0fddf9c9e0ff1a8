package dev.idsync.store;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.idsync.config.StoreProperties;

/**
 * idsync's store, held by this process alone for writing: the run lock taken first (a command that cannot take it
 * has read and changed nothing), then the store opened and migrated, then every run whose process died while it
 * held the store marked ABANDONED. Every command that writes the store or Phorge works inside one.
 */
public final class LockedStore implements AutoCloseable {

	private final StoreLock lock;

	private final IdsyncStore store;

	private final List<String> abandoned;

	private LockedStore(StoreLock lock, IdsyncStore store, List<String> abandoned) {
		this.lock = lock;
		this.store = store;
		this.abandoned = List.copyOf(abandoned);
	}

	/**
	 * Takes the store.
	 * @param store the store
	 * @param password its password
	 * @param holder this process
	 * @param continuing the run this command continues ({@code --restart}), which is not abandoned, or none
	 * @return the store, held until closed
	 * @throws StoreBusyException when another run or command holds it
	 */
	public static LockedStore open(StoreProperties store, String password, LockHolder holder, Set<String> continuing) {
		StoreLock lock = StoreLock.acquire(store, password, holder);
		IdsyncStore open = null;
		try {
			open = IdsyncStore.openHeld(store, password);
			lock.announce(open.dataSource());
			List<String> abandoned = new RunStore(open.dataSource()).abandonRunning(continuing, holder.since(),
					holder.name());
			return new LockedStore(lock, open, abandoned);
		}
		catch (RuntimeException ex) {
			if (open != null) {
				open.close();
			}
			lock.close();
			throw ex;
		}
	}

	/** The pool. */
	public DataSource dataSource() {
		return this.store.dataSource();
	}

	/**
	 * Checks that this process still holds the store: before each write to Phorge.
	 * @throws IllegalStateException when it does not
	 */
	public void assertHeld() {
		this.lock.assertHeld();
	}

	/** The runs found RUNNING with their process gone, now marked ABANDONED. */
	public List<String> abandoned() {
		return this.abandoned;
	}

	@Override
	public void close() {
		try {
			this.store.close();
		}
		finally {
			this.lock.close();
		}
	}

}
