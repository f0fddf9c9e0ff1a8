package dev.idsync.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A credential read from a file or an environment variable, never from the YAML itself, and never printed.
 */
public final class Secret {

	private final String value;

	private Secret(String value) {
		this.value = value;
	}

	/**
	 * Resolves a secret: the file when one is configured, else the environment variable.
	 * @param fileProperty the property naming the file, for messages
	 * @param file the configured file, or {@code null}
	 * @param envVariable the environment variable to use when no file is configured
	 * @param environment the process environment
	 * @return the secret
	 * @throws ConfigException when neither gives a non-empty value
	 */
	public static Secret resolve(String fileProperty, @Nullable Path file, String envVariable,
			Map<String, String> environment) {
		if (file != null) {
			return new Secret(read(fileProperty, file));
		}
		String fromEnv = environment.get(envVariable);
		if (fromEnv == null || fromEnv.isBlank()) {
			throw new ConfigException(fileProperty + " is not set and the environment variable " + envVariable
					+ " is empty. Put the credential in a file readable only by idsync and set " + fileProperty
					+ " to its path, or export " + envVariable + ".");
		}
		return new Secret(fromEnv.trim());
	}

	/** Wraps a value that is already at hand (the simulator's own credentials). */
	public static Secret of(String value) {
		return new Secret(value);
	}

	private static String read(String property, Path file) {
		if (!Files.isRegularFile(file)) {
			throw new ConfigException(property + ": the file " + file + " does not exist or is not a regular file.");
		}
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8).trim();
			if (content.isEmpty()) {
				throw new ConfigException(property + ": the file " + file + " is empty.");
			}
			return content;
		}
		catch (IOException ex) {
			throw new ConfigException(property + ": cannot read " + file + " (" + ex.getClass().getSimpleName()
					+ "). Check its permissions.");
		}
	}

	/** The secret itself: pass it only to the client that needs it. */
	public String reveal() {
		return this.value;
	}

	@Override
	public String toString() {
		return "Secret[redacted]";
	}

}
