package dev.idsync.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Reads the configuration file into property sources that remember each property's line: at most {@link #MAX_BYTES}
 * of UTF-8 text, parsed as YAML.
 */
final class ConfigFile {

	/**
	 * The largest configuration file idsync reads, 1 MiB: a real one is a few kilobytes, and a file far larger (a
	 * wrong file, or a generated one) would otherwise cost minutes and gigabytes before its first error.
	 */
	static final int MAX_BYTES = 1024 * 1024;

	private ConfigFile() {
	}

	/**
	 * Reads a configuration file.
	 * @param file the YAML file
	 * @return its property sources, one per YAML document
	 * @throws ConfigException when the file is missing, unreadable, too large, not UTF-8 text or not valid YAML
	 */
	static List<PropertySource<?>> read(Path file) {
		byte[] bytes = bytes(file);
		String text = Utf8Text.decode(file, bytes);
		try {
			return new YamlPropertySourceLoader().load(file.toString(), resource(file, bytes));
		}
		catch (IOException | RuntimeException ex) {
			throw YamlProblems.describe(file, text.startsWith("\uFEFF") ? text.substring(1) : text, ex);
		}
	}

	private static byte[] bytes(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new ConfigException("The configuration file " + file + " does not exist. Pass --config with the "
					+ "path of your idsync YAML file (see jobs/nightly-sync/idsync.example.yml).");
		}
		try {
			rejectSize(file, Files.size(file));
			try (InputStream in = Files.newInputStream(file)) {
				byte[] bytes = in.readNBytes(MAX_BYTES + 1);
				rejectSize(file, bytes.length);
				return bytes;
			}
		}
		catch (IOException ex) {
			throw new ConfigException("The configuration file " + file + " cannot be read (" + ex + "). Check that "
					+ "idsync's user may read it.");
		}
	}

	/** Refuses a file over the limit before reading it, and again if it grew while being read. */
	private static void rejectSize(Path file, long size) {
		if (size > MAX_BYTES) {
			throw new ConfigException("The configuration file " + file + " is too large: " + size + " bytes, over "
					+ "the 1 MiB (" + MAX_BYTES + " bytes) that idsync reads; a configuration is a few kilobytes. "
					+ "Point --config at your idsync YAML file (see jobs/nightly-sync/idsync.example.yml).");
		}
	}

	/** The file's checked bytes, described as the file so that each property's origin names it. */
	private static Resource resource(Path file, byte[] bytes) {
		return new ByteArrayResource(bytes) {

			@Override
			public String getDescription() {
				return file.toAbsolutePath().toString();
			}

		};
	}

}
