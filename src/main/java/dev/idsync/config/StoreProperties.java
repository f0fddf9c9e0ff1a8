package dev.idsync.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * idsync's own database ({@code idsync.store}): an H2 file by default, PostgreSQL in production.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/idsync}
 * @param username the database user
 * @param passwordFile a file holding the password
 * @param passwordEnv the environment variable holding the password when no file is set (may be unset for H2)
 * @param keepRuns how many runs' findings, actions and reads are kept (older ones are deleted when a run starts; the
 * run list itself, durable links, mappings and exemptions are kept)
 */
public record StoreProperties(@DefaultValue("jdbc:h2:file:./var/idsync") String url,
		@DefaultValue("sa") String username, @Nullable Path passwordFile,
		@DefaultValue("IDSYNC_STORE_PASSWORD") String passwordEnv, @DefaultValue("60") int keepRuns) {

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
	}

	/** A store that keeps the default number of runs. */
	public StoreProperties(String url, String username, @Nullable Path passwordFile, String passwordEnv) {
		this(url, username, passwordFile, passwordEnv, 60);
	}

}
