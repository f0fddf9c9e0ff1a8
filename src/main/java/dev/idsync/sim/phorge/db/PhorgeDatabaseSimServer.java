package dev.idsync.sim.phorge.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Phorge's databases for the simulator: an in-memory H2 database in MySQL mode holding Phorge's schema
 * ({@link SqlDialect#H2}) and a simulated instance's rows, served over H2's TCP protocol to idsync, which connects
 * as {@link #READER}, a user who may only read, like the MySQL user a real deployment gives idsync.
 * <p>
 * The TCP server accepts connections from this machine only (H2 closes any other without {@code -tcpAllowOthers};
 * it has no per-server bind address, so the port is open on every interface but answers only local clients), opens
 * no database it does not already hold ({@code -ifNotExists} is not given) and reaches no database file (its base
 * directory is an empty one of its own). The database's name and both users' passwords are random; the owner's,
 * Phorge's own, never leaves this object.
 */
public final class PhorgeDatabaseSimServer implements AutoCloseable {

	/** The database user idsync connects as: {@code SELECT} on Phorge's user, auth and conduit databases only. */
	public static final String READER = "idsync";

	/**
	 * The database user idsync rotates and revokes tokens as: {@code SELECT}, {@code INSERT} and {@code UPDATE} on
	 * {@code conduit_token} only.
	 */
	public static final String TOKEN_WRITER = "idsync_tokens";

	/** H2's MySQL compatibility, in idsync's URL as in Phorge's own. */
	static final String OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";

	/** Phorge's own database user, who owns everything. */
	private static final String OWNER = "phorge";

	/** As many connections as Conduit has threads. */
	private static final int CONNECTIONS = 16;

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private final SecureRandom random = new SecureRandom();

	private final String name = "phorge-" + random(16);

	private final String readerPassword = random(32);

	private final String writerPassword = random(32);

	private final JdbcConnectionPool owner;

	private final Path baseDir;

	private final @Nullable Server tcp;

	private final int port;

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * Creates the database, fills it and serves it.
	 * @param rows what the simulated instance holds
	 * @param port the TCP port, or 0 for an ephemeral one
	 * @param reachable {@code false} to keep idsync out, as the fault {@code phorge-db:down} does: the database
	 * exists (Conduit keeps authenticating from it) but nothing listens on the port
	 */
	public PhorgeDatabaseSimServer(PhorgeRows rows, int port, boolean reachable) {
		this.owner = JdbcConnectionPool.create("jdbc:h2:mem:" + this.name + ";DB_CLOSE_DELAY=-1" + OPTIONS, OWNER,
				random(32));
		this.owner.setMaxConnections(CONNECTIONS);
		this.baseDir = emptyDirectory();
		try {
			PhorgeSchema.create(this.owner, PhorgeSchema.DEFAULT_PREFIX, SqlDialect.H2);
			rows.insertInto(this.owner, PhorgeSchema.DEFAULT_PREFIX);
			grantReader();
			this.tcp = reachable ? serve(port, this.baseDir) : null;
		}
		catch (RuntimeException ex) {
			drop();
			throw ex;
		}
		this.port = (this.tcp != null) ? this.tcp.getPort() : (port != 0) ? port : unusedPort();
	}

	/**
	 * The URL idsync connects to, e.g.
	 * {@code jdbc:h2:tcp://127.0.0.1:9123/mem:phorge-…;MODE=MySQL;DATABASE_TO_LOWER=TRUE}.
	 */
	public String jdbcUrl() {
		return "jdbc:h2:tcp://127.0.0.1:" + this.port + "/mem:" + this.name + OPTIONS;
	}

	/** The password of {@link #READER}. */
	public String readerPassword() {
		return this.readerPassword;
	}

	/** The password of {@link #TOKEN_WRITER}. */
	public String writerPassword() {
		return this.writerPassword;
	}

	/** The prefix of the database names: {@link PhorgeSchema#DEFAULT_PREFIX}. */
	public String prefix() {
		return PhorgeSchema.DEFAULT_PREFIX;
	}

	/** Whether idsync can connect: false under the fault {@code phorge-db:down}. */
	public boolean reachable() {
		return this.tcp != null;
	}

	/**
	 * Phorge's own connections to its database, with every right, in process: for the simulated Conduit, and for
	 * tests that change rows as Phorge (or an administrator at the SQL prompt) would.
	 */
	public DataSource dataSource() {
		return this.owner;
	}

	/** Stops serving and drops the database; closing again does nothing. */
	@Override
	public void close() {
		if (this.closed.getAndSet(true)) {
			return;
		}
		if (this.tcp != null) {
			this.tcp.stop();
		}
		drop();
	}

	/** Drops the in-memory database (it outlives its connections until then) and the empty base directory. */
	private void drop() {
		try {
			new JdbcTemplate(this.owner).execute("SHUTDOWN");
		}
		finally {
			this.owner.dispose();
			try {
				FileSystemUtils.deleteRecursively(this.baseDir);
			}
			catch (IOException ex) {
				// an empty folder left in the temporary directory
			}
		}
	}

	/** Creates {@link #READER} with {@code SELECT} on each of Phorge's databases, as the example configuration says. */
	private void grantReader() {
		JdbcTemplate jdbc = new JdbcTemplate(this.owner);
		jdbc.execute("CREATE USER `" + READER + "` PASSWORD '" + this.readerPassword + "'");
		for (String application : PhorgeSchema.applications()) {
			jdbc.execute("GRANT SELECT ON SCHEMA `" + PhorgeSchema.DEFAULT_PREFIX + application + "` TO `" + READER
					+ "`");
		}
		jdbc.execute("CREATE USER `" + TOKEN_WRITER + "` PASSWORD '" + this.writerPassword + "'");
		jdbc.execute("GRANT SELECT, INSERT, UPDATE ON `" + PhorgeSchema.DEFAULT_PREFIX + "conduit`.`conduit_token` TO `"
				+ TOKEN_WRITER + "`");
	}

	private static Server serve(int port, Path baseDir) {
		try {
			return Server.createTcpServer("-tcpPort", String.valueOf(port), "-tcpDaemon", "-baseDir",
					baseDir.toString()).start();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot serve Phorge's simulated database on port " + port + ": "
					+ ex.getMessage(), ex);
		}
	}

	/** An empty directory of its own, removed at exit too: {@code sim serve} ends on Ctrl-C, maybe before close. */
	private static Path emptyDirectory() {
		try {
			Path directory = Files.createTempDirectory("idsync-sim-phorge-db");
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A loopback port nobody listens on (for a database that is down). */
	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String random(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}

}
