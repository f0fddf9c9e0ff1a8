package dev.idsync.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.StoreProperties;

/**
 * The run lock of an H2 store: an operating-system lock on {@code <database>.run.lock}, which the kernel releases when
 * the holder's process ends, however it ends. The holder names itself in {@code <database>.run.holder} (mode 0600).
 */
final class H2RunLock extends StoreLock {

	private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE);

	/**
	 * The lock files this JVM holds. A lock on a file belongs to the whole process, and closing any other channel on
	 * that file would release it (POSIX): this JVM never opens a lock file it already holds.
	 */
	private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

	/** The folders of the H2 stores this JVM holds the run lock of (where a failed write most likely went). */
	static List<Path> heldFolders() {
		return HELD_HERE.stream().map((file) -> file.toAbsolutePath().getParent()).toList();
	}

	private final Path file;

	private final Path holderFile;

	private final FileChannel channel;

	private final FileLock lock;

	private H2RunLock(Path file, Path holderFile, FileChannel channel, FileLock lock) {
		this.file = file;
		this.holderFile = holderFile;
		this.channel = channel;
		this.lock = lock;
	}

	static H2RunLock acquire(StoreProperties store, LockHolder holder) {
		Path file = PrivateFile.beside(store, "run.lock");
		Path holderFile = PrivateFile.beside(store, "run.holder");
		if (!HELD_HERE.add(file)) {
			throw busy(store, holderFile);
		}
		FileChannel channel = null;
		try {
			channel = open(file);
			FileLock lock = tryLock(channel, store, holderFile);
			PrivateFile.write(holderFile, "idsync's run lock: the process holding " + file.getFileName()
					+ " holds the store", entries(holder));
			return new H2RunLock(file, holderFile, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			if (channel != null) {
				closeQuietly(channel);
			}
			HELD_HERE.remove(file);
			throw (ex instanceof IOException io) ? new UncheckedIOException("cannot lock " + file + ": "
					+ io.getMessage(), io) : (RuntimeException) ex;
		}
	}

	/**
	 * Takes the lock, unless a holder that says who it is has it: a holder that took it a moment ago is given a
	 * moment to say so, and one that is releasing it a moment to finish.
	 */
	private static FileLock tryLock(FileChannel channel, StoreProperties store, Path holderFile) throws IOException {
		for (int i = 0; i < 10; i++) {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return lock;
			}
			if (PrivateFile.read(holderFile).flatMap(H2RunLock::holder).isPresent()) {
				break;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw busy(store, holderFile);
	}

	private static StoreBusyException busy(StoreProperties store, Path holderFile) {
		return new StoreBusyException(PrivateFile.read(holderFile).flatMap(H2RunLock::holder).orElse(null),
				store.display(), null);
	}

	/** An H2 holder is named in its file from the moment it holds the lock. */
	@Override
	void announce(@Nullable DataSource store) {
	}

	@Override
	public void assertHeld() {
		if (!this.lock.isValid()) {
			throw new IllegalStateException("idsync no longer holds the lock on its store (" + this.file + ")");
		}
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.holderFile);
			this.lock.release();
		}
		catch (IOException ex) {
			// the lock goes with the channel, and the channel with the process
		}
		closeQuietly(this.channel);
		HELD_HERE.remove(this.file);
	}

	private static Map<String, String> entries(LockHolder holder) {
		Map<String, String> entries = new LinkedHashMap<>();
		if (holder.runId() != null) {
			entries.put("run", holder.runId());
		}
		entries.put("command", holder.command());
		entries.put("host", holder.host());
		entries.put("pid", String.valueOf(holder.pid()));
		entries.put("since", holder.since().toString());
		return entries;
	}

	private static FileChannel open(Path file) {
		try {
			Files.createDirectories(file.getParent());
			return FileChannel.open(file, OPEN, PrivateFile.ownerOnly());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the store's lock file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static Optional<LockHolder> holder(Properties held) {
		try {
			return Optional.of(new LockHolder(held.getProperty("run"), held.getProperty("command", "idsync"),
					held.getProperty("host", "unknown host"), Long.parseLong(held.getProperty("pid", "-1")),
					Instant.parse(held.getProperty("since"))));
		}
		catch (RuntimeException incomplete) {
			// written at this very moment by a holder that is starting
			return Optional.empty();
		}
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing is left to release
		}
	}

}
