package dev.idsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Phorge's own MySQL/MariaDB database ({@code idsync.phorge.database}), read for what Conduit does not expose:
 * email addresses, external-account links, MFA enrolment and the API-token inventory. Optional; read-only.
 *
 * @param url the JDBC URL of the server, e.g. {@code jdbc:mariadb://phorge-db:3306/} (the MariaDB driver talks to
 * MySQL too); {@code jdbc:h2:} only for the simulator
 * @param username the database user (it needs {@code SELECT} on Phorge's user, auth and conduit databases)
 * @param passwordFile a file holding the password
 * @param passwordEnv the environment variable holding the password when {@code password-file} is not set
 * @param prefix the prefix of Phorge's database names: {@code storage.default-namespace} and an underscore
 * (default {@code phabricator_}, so {@code phabricator_user}, {@code phabricator_auth}, {@code phabricator_conduit})
 * @param poolSize the most connections idsync holds open to it (1 to 16, default 2)
 * @param timeout the connect and query timeout (default 30s)
 * @param tokenWriter a second user allowed to create and terminate API tokens, for token rotation and revocation
 */
public record PhorgeDatabaseProperties(String url, @DefaultValue("idsync") String username,
		@Nullable Path passwordFile, @DefaultValue("IDSYNC_PHORGE_DB_PASSWORD") String passwordEnv,
		@DefaultValue("phabricator_") String prefix, @DefaultValue("2") int poolSize,
		@DefaultValue("30s") Duration timeout, @Nullable TokenWriterProperties tokenWriter) {

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{1,48}");

	@ConstructorBinding
	public PhorgeDatabaseProperties {
		if (url == null || url.isBlank()) {
			throw new ConfigException("idsync.phorge.database.url is required when idsync.phorge.database is set, "
					+ "e.g. jdbc:mariadb://phorge-db:3306/ (or remove the database section to read through Conduit "
					+ "only).");
		}
		if (url.startsWith("jdbc:mysql:")) {
			throw new ConfigException("idsync.phorge.database.url: '" + url + "': use jdbc:mariadb://… instead of "
					+ "jdbc:mysql://…; idsync ships the MariaDB driver, which talks to MySQL servers too.");
		}
		if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:h2:")) {
			throw new ConfigException("idsync.phorge.database.url: '" + url + "' is not a MySQL/MariaDB JDBC URL. "
					+ "Use e.g. jdbc:mariadb://phorge-db:3306/.");
		}
		if (!PREFIX.matcher(prefix).matches()) {
			throw new ConfigException("idsync.phorge.database.prefix: '" + prefix + "' is not a database-name "
					+ "prefix. Use Phorge's storage.default-namespace and an underscore, e.g. phabricator_.");
		}
		if (poolSize < 1 || poolSize > 16) {
			throw new ConfigException("idsync.phorge.database.pool-size: " + poolSize + " is out of range. Use 1 to "
					+ "16 (default 2).");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new ConfigException("idsync.phorge.database.timeout must be positive, e.g. 30s.");
		}
	}

	/** The database without a token writer: idsync reads it and never writes. */
	public PhorgeDatabaseProperties(String url, String username, @Nullable Path passwordFile, String passwordEnv,
			String prefix, int poolSize, Duration timeout) {
		this(url, username, passwordFile, passwordEnv, prefix, poolSize, timeout, null);
	}

	/** The name of one of Phorge's databases: {@code user}, {@code auth} or {@code conduit} with the prefix. */
	public String database(String application) {
		return this.prefix + application;
	}

}
