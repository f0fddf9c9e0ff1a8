package dev.idsync.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.h2.tools.Server;

import dev.idsync.config.StoreProperties;

/**
 * Shares an H2 store this process has open with idsync's other processes. An H2 file can be open in one process only,
 * so the process that has it open (a run holding the store, or {@code idsync serve} for as long as it runs) serves it
 * to the others over an H2 TCP server that accepts connections from this host only, for a random key. The server's
 * port and key are written in {@code <store>.server} (mode 0600); another process finds them there. One server per
 * store per JVM, shared by whatever in the JVM has the store open (serve and the runs it starts), stopped when the
 * last of them lets go.
 */
final class H2Sharing implements AutoCloseable {

	/** The servers of this JVM, by store: what H2 shares within one JVM (its open databases) is shared here too. */
	private static final Map<Path, Shared> SERVED = new HashMap<>();

	private final Path file;

	private boolean closed;

	private H2Sharing(Path file) {
		this.file = file;
	}

	/**
	 * Serves a store this process has open (in embedded mode) to idsync's other processes.
	 * @param store the store
	 * @return the share, until closed
	 */
	static H2Sharing share(StoreProperties store) {
		Path file = PrivateFile.beside(store, "server");
		synchronized (SERVED) {
			Shared shared = SERVED.get(file);
			if (shared == null) {
				shared = Shared.start(store, file);
				SERVED.put(file, shared);
			}
			shared.users++;
		}
		return new H2Sharing(file);
	}

	/** Where another process serves the store, if one says so. */
	static Optional<String> url(StoreProperties store) {
		return PrivateFile.read(PrivateFile.beside(store, "server")).flatMap((served) -> {
			String port = served.getProperty("port");
			String key = served.getProperty("key");
			return (port != null && key != null) ? Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key)
					: Optional.empty();
		});
	}

	@Override
	public void close() {
		synchronized (SERVED) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			Shared shared = SERVED.get(this.file);
			if (shared != null && --shared.users == 0) {
				SERVED.remove(this.file);
				shared.stop();
			}
		}
	}

	/** One store's server in this JVM, and how many let it serve. */
	private static final class Shared {

		private final Server server;

		private final Path file;

		private int users;

		private Shared(Server server, Path file) {
			this.server = server;
			this.file = file;
		}

		static Shared start(StoreProperties store, Path file) {
			byte[] random = new byte[16];
			new SecureRandom().nextBytes(random);
			String key = HexFormat.of().formatHex(random);
			Path database = store.h2Path().toAbsolutePath().normalize();
			Server server;
			try {
				// no -tcpAllowOthers: the server refuses every connection that does not come from this host
				server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key, database.toString())
					.start();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot serve the store to idsync's other processes: "
						+ ex.getMessage(), ex);
			}
			Map<String, String> entries = new LinkedHashMap<>();
			entries.put("port", String.valueOf(server.getPort()));
			entries.put("key", key);
			entries.put("pid", String.valueOf(ProcessHandle.current().pid()));
			try {
				PrivateFile.write(file, "idsync's store is open in process " + ProcessHandle.current().pid()
						+ ", which serves it here to idsync's other processes", entries);
				return new Shared(server, file);
			}
			catch (IOException ex) {
				server.stop();
				throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
			}
		}

		void stop() {
			this.server.stop();
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				// a reader that finds a stale address opens the store itself once the server is gone
			}
		}

	}

}
