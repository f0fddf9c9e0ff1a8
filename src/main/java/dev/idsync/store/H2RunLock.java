package dev.idsync.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;

import dev.idsync.config.StoreProperties;

/**
 * The run lock of an H2 store: an operating-system lock on {@code <database>.run.lock}, which the kernel releases when
 * the holder's process ends, however it ends. The holder names itself in {@code <database>.run.holder} (mode 0600)
 * and, while it holds the store, serves the store to read-only commands ({@code history}, {@code report}, …) over an
 * H2 TCP server that accepts connections from this host only, for a random key written in that file.
 */
final class H2RunLock extends StoreLock {

	private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE);

	/**
	 * The lock files this JVM holds. A lock on a file belongs to the whole process, and closing any other channel on
	 * that file would release it (POSIX): this JVM never opens a lock file it already holds.
	 */
	private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private final LockHolder holder;

	private @Nullable Server server;

	private H2RunLock(Path file, FileChannel channel, FileLock lock, LockHolder holder) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
		this.holder = holder;
	}

	static H2RunLock acquire(StoreProperties store, LockHolder holder) {
		Path file = lockFile(store);
		if (!HELD_HERE.add(file)) {
			throw busy(store, file);
		}
		FileChannel channel = null;
		try {
			channel = open(file);
			FileLock lock = tryLock(channel, store, file);
			H2RunLock held = new H2RunLock(file, channel, lock, holder);
			held.write(null, null);
			return held;
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
	private static FileLock tryLock(FileChannel channel, StoreProperties store, Path file) throws IOException {
		for (int i = 0; i < 10; i++) {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return lock;
			}
			if (read(holderFile(file)).flatMap(H2RunLock::holder).isPresent()) {
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
		throw busy(store, file);
	}

	private static StoreBusyException busy(StoreProperties store, Path file) {
		return new StoreBusyException(read(holderFile(file)).flatMap(H2RunLock::holder).orElse(null), store.display(),
				null);
	}

	/** Where read-only commands read the store while a run holds it, if the holder says so. */
	static Optional<String> readersUrl(StoreProperties store) {
		return read(holderFile(lockFile(store))).flatMap((held) -> {
			String port = held.getProperty("port");
			String key = held.getProperty("key");
			return (port != null && key != null) ? Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key)
					: Optional.empty();
		});
	}

	@Override
	void announce(@Nullable DataSource store) {
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		String key = HexFormat.of().formatHex(random);
		try {
			// no -tcpAllowOthers: the server refuses every connection that does not come from this host
			this.server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key,
					this.file.resolveSibling(databaseName(this.file)).toString()).start();
			write(this.server.getPort(), key);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("cannot serve the store to read-only commands: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void assertHeld() {
		if (!this.lock.isValid()) {
			throw new IllegalStateException("idsync no longer holds the lock on its store (" + this.file + ")");
		}
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop();
		}
		try {
			// a read-only command then opens the store itself instead of asking a server that is gone
			Files.deleteIfExists(holderFile(this.file));
			this.lock.release();
		}
		catch (IOException ex) {
			// the lock goes with the channel, and the channel with the process
		}
		closeQuietly(this.channel);
		HELD_HERE.remove(this.file);
	}

	private void write(@Nullable Integer port, @Nullable String key) throws IOException {
		StringBuilder text = new StringBuilder("# idsync's run lock: the process holding this file's lock holds the "
				+ "store\n");
		if (this.holder.runId() != null) {
			text.append("run=").append(this.holder.runId()).append('\n');
		}
		text.append("command=").append(this.holder.command()).append('\n')
			.append("host=").append(this.holder.host()).append('\n')
			.append("pid=").append(this.holder.pid()).append('\n')
			.append("since=").append(this.holder.since()).append('\n');
		if (port != null) {
			text.append("port=").append(port).append('\n').append("key=").append(key).append('\n');
		}
		Path holderFile = holderFile(this.file);
		Path next = holderFile.resolveSibling(holderFile.getFileName() + ".next");
		Files.deleteIfExists(next);
		Files.write(Files.createFile(next, ownerOnly()), text.toString().getBytes(StandardCharsets.UTF_8));
		Files.move(next, holderFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static Path holderFile(Path lockFile) {
		return lockFile.resolveSibling(databaseName(lockFile) + ".run.holder");
	}

	private static FileAttribute<?>[] ownerOnly() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
						"rw-------")) } : new FileAttribute<?>[0];
	}

	private static Path lockFile(StoreProperties store) {
		Path database = store.h2Path().toAbsolutePath().normalize();
		return database.resolveSibling(database.getFileName() + ".run.lock");
	}

	/** {@code idsync} for {@code …/idsync.run.lock}. */
	private static String databaseName(Path lockFile) {
		String name = lockFile.getFileName().toString();
		return name.substring(0, name.length() - ".run.lock".length());
	}

	private static FileChannel open(Path file) {
		try {
			Files.createDirectories(file.getParent());
			return FileChannel.open(file, OPEN, ownerOnly());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the store's lock file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static Optional<Properties> read(Path file) {
		try {
			Properties held = new Properties();
			held.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
			return held.isEmpty() ? Optional.empty() : Optional.of(held);
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
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
