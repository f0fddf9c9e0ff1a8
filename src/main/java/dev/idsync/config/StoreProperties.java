package dev.idsync.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * idsync's own database ({@code idsync.store}): an H2 file by default, PostgreSQL in production.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/idsync}
 * @param username the database user
 * @param passwordFile a file holding the password
 * @param passwordEnv the environment variable holding the password when no file is set (may be unset for H2)
 */
public record StoreProperties(@DefaultValue("jdbc:h2:file:./var/idsync") String url,
		@DefaultValue("sa") String username, @Nullable Path passwordFile,
		@DefaultValue("IDSYNC_STORE_PASSWORD") String passwordEnv) {

	public StoreProperties {
		if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
			throw new ConfigException("idsync.store.url: '" + url + "' is not supported. Use jdbc:h2:file:<path> "
					+ "(the default) or jdbc:postgresql://<host>:<port>/<database>.");
		}
	}

}
