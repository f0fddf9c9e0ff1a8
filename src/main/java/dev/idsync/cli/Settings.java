package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

import org.jspecify.annotations.Nullable;

import dev.idsync.batch.JobSettings;
import dev.idsync.config.ConfigException;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;

/**
 * Loads a command's configuration file and credentials, reporting a mistake the way every command does.
 */
final class Settings {

	private Settings() {
	}

	/**
	 * The settings a configuration file names, or {@code null} after printing the configuration error.
	 * @param config the configuration file
	 * @param err where a mistake is reported
	 */
	static @Nullable JobSettings load(@Nullable Path config, PrintWriter err) {
		try {
			IdsyncProperties properties = ConfigLoader.load(config);
			return new JobSettings(properties, Credentials.resolve(properties, System.getenv()), Clock.systemUTC());
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return null;
		}
	}

}
