package dev.idsync.config;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How idsync logs, on standard error ({@code idsync.log}); {@code --log-format} overrides it for one command.
 *
 * @param format {@code human} (default: a line of text per event) or {@code json} (one JSON object per line in the
 * Elastic Common Schema, every line of a run carrying its id as {@code run.id}, for Loki or ELK)
 */
public record LogProperties(@DefaultValue("human") String format) {

	public LogProperties {
		if (Format.named(format) == null) {
			throw new ConfigException("idsync.log.format: '" + format + "' is not a log format. Use human (default) "
					+ "or json.");
		}
	}

	/** The default: human. */
	public static LogProperties defaults() {
		return new LogProperties("human");
	}

	/** The configured format. */
	public Format configuredFormat() {
		return Format.named(this.format);
	}

	/**
	 * The formats idsync logs in.
	 */
	public enum Format {

		/** A line of text per event. */
		HUMAN,

		/** One JSON object per line. */
		JSON;

		/** The format of this name ({@code human}, {@code json}, in any case), or {@code null}. */
		public static @Nullable Format named(String name) {
			for (Format format : values()) {
				if (format.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
					return format;
				}
			}
			return null;
		}

		/** Its name in the configuration and on the command line: {@code human} or {@code json}. */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
