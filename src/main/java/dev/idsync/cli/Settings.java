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
	 * The settings of a command that runs a job, which then logs as {@code --log-format} says, else as the configuration
	 * does: the command line's format applies before the file is read, so that a mistake in it is logged so too.
	 * @param config the configuration file
	 * @param logs the command's {@code --log-format}
	 * @return the settings, or {@code null} after reporting the configuration error
	 */
	static @Nullable JobSettings load(@Nullable Path config, LogOptions logs) {
		logs.useChosen();
		JobSettings settings = load(config, logs.err());
		if (settings != null) {
			logs.useConfigured(settings.properties().log());
		}
		return settings;
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
