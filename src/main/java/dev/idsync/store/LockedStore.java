package dev.idsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.StoreProperties;

/**
 * idsync's store, held by this process alone for writing: the run lock taken first (a command that cannot take it
 * has read and changed nothing), then the store opened and migrated, then every run whose process died while it
 * held the store marked ABANDONED. Every command that writes the store or Phorge works inside one.
 */
public final class LockedStore implements AutoCloseable {

	private final StoreProperties properties;

	private final String password;

	private final StoreLock lock;

	private IdsyncStore store;

	private final List<String> abandoned;

	private LockedStore(StoreProperties properties, String password, StoreLock lock, IdsyncStore store,
			List<String> abandoned) {
		this.properties = properties;
		this.password = password;
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
			open = IdsyncStore.openToServe(store, password);
			lock.announce(open.dataSource());
			List<String> abandoned = new RunStore(open.dataSource()).abandonRunning(continuing, holder.since(),
					holder.name());
			return new LockedStore(store, password, lock, open, abandoned);
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

	/**
	 * Records a run that failed without recording it as FAILED: its record of the failure failed too, as writes do
	 * on a full disk. H2 closes a store whose write failed, so the store is opened again for this one row (which
	 * also frees what the failed write held). If even that fails, the next command that takes the store marks the
	 * run abandoned.
	 * @param runId the run, or {@code null} for a command that is no run
	 * @param at when it ended
	 */
	public void failIfRunning(@Nullable String runId, Instant at) {
		if (runId == null) {
			return;
		}
		try {
			// durably: H2 accepts a write into memory even when it can no longer write its file
			new DurableWrites(dataSource()).write(() -> new RunStore(dataSource()).failIfRunning(runId, at));
		}
		catch (RuntimeException broken) {
			try {
				this.store.close();
				this.store = IdsyncStore.openToServe(this.properties, this.password);
				new DurableWrites(dataSource()).write(() -> new RunStore(dataSource()).failIfRunning(runId, at));
			}
			catch (RuntimeException stillBroken) {
				// the next holder names the run abandoned
			}
		}
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
