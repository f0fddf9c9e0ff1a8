package dev.idsync.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * idsync's own database ({@code idsync.store}): an H2 file by default, PostgreSQL in production.
 *
 * @param url the JDBC URL: {@code jdbc:h2:file:<path>} (a local file; H2's in-memory and server URLs are refused,
 * since a run lock needs the file) or {@code jdbc:postgresql://<host>:<port>/<database>}
 * @param username the database user
 * @param passwordFile a file holding the password
 * @param passwordEnv the environment variable holding the password when no file is set (may be unset for H2)
 * @param keepRuns how many runs' findings, actions and reads are kept (older ones are deleted when a run starts; the
 * run list itself, durable links, mappings and exemptions are kept)
 */
public record StoreProperties(@DefaultValue("jdbc:h2:file:./var/idsync") String url,
		@DefaultValue("sa") String username, @Nullable Path passwordFile,
		@DefaultValue("IDSYNC_STORE_PASSWORD") String passwordEnv, @DefaultValue("60") int keepRuns) {

	/** A prefix such as {@code mem:} or {@code tcp:} after {@code jdbc:h2:}: not a file (a drive letter is one). */
	private static final Pattern H2_NOT_A_FILE = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*");

	@ConstructorBinding
	public StoreProperties {
		if (keepRuns < 2) {
			throw new ConfigException("idsync.store.keep-runs: " + keepRuns + " is too few. Keep at least 2 runs (the "
					+ "next run compares itself with the last complete one); default 60.");
		}
		if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
			throw new ConfigException("idsync.store.url: '" + url + "' is not supported. Use jdbc:h2:file:<path> "
					+ "(the default) or jdbc:postgresql://<host>:<port>/<database>.");
		}
		if (url.startsWith("jdbc:h2:") && H2_NOT_A_FILE.matcher(h2Location(url)).matches()) {
			throw new ConfigException("idsync.store.url: '" + url + "' is not an H2 file. idsync keeps its store in "
					+ "an H2 file (jdbc:h2:file:<path>, the default) beside which it keeps its run lock; for a "
					+ "database several hosts share, use jdbc:postgresql://<host>:<port>/<database>.");
		}
	}

	/** A store that keeps the default number of runs. */
	public StoreProperties(String url, String username, @Nullable Path passwordFile, String passwordEnv) {
		this(url, username, passwordFile, passwordEnv, 60);
	}

	/** Whether the store is an H2 file (else PostgreSQL). */
	public boolean h2() {
		return this.url.startsWith("jdbc:h2:");
	}

	/**
	 * The H2 database's path as H2 names it, without its {@code .mv.db} suffix ({@code ./var/idsync} for the
	 * default), {@code ~} expanded.
	 * @throws IllegalStateException when the store is not H2
	 */
	public Path h2Path() {
		if (!h2()) {
			throw new IllegalStateException("not an H2 store: " + this.url);
		}
		String location = h2Location(this.url);
		if (location.startsWith("~")) {
			location = System.getProperty("user.home") + location.substring(1);
		}
		return Path.of(location);
	}

	/**
	 * The URL idsync connects with: as configured, but for H2 with its trace file off (H2 would otherwise write
	 * {@code <store>.trace.db} beside the store, with stack traces, whenever it fails to open it), and not closed by
	 * H2's own shutdown hook: on SIGTERM, serve's run must reach a boundary and record it before the store closes
	 * (idsync closes its pools itself).
	 */
	public String jdbcUrl() {
		if (!h2()) {
			return this.url;
		}
		String upper = this.url.toUpperCase(Locale.ROOT);
		return this.url + (upper.contains(";TRACE_LEVEL_FILE=") ? "" : ";TRACE_LEVEL_FILE=0")
				+ (upper.contains(";DB_CLOSE_ON_EXIT=") ? "" : ";DB_CLOSE_ON_EXIT=FALSE");
	}

	/** The store as messages name it: the URL without its options, which may hold a password. */
	public String display() {
		int options = this.url.indexOf(h2() ? ';' : '?');
		return (options >= 0) ? this.url.substring(0, options) : this.url;
	}

	private static String h2Location(String url) {
		String location = url.substring("jdbc:h2:".length());
		int options = location.indexOf(';');
		location = (options >= 0) ? location.substring(0, options) : location;
		return location.startsWith("file:") ? location.substring("file:".length()) : location;
	}

}
