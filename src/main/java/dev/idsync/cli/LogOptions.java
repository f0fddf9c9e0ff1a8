package dev.idsync.cli;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import dev.idsync.config.LogProperties;
import dev.idsync.config.LogProperties.Format;

/**
 * {@code --log-format}, the option of the commands that run a job: how they log, over the configuration's
 * {@code idsync.log.format}. In JSON, what the command itself says on standard error (a configuration error, why a
 * run failed) is logged too, so that standard error holds JSON objects only.
 */
final class LogOptions {

	@Spec(Spec.Target.MIXEE)
	@Nullable CommandSpec command;

	@Option(names = "--log-format", paramLabel = "FORMAT", converter = Named.class,
			description = "How to log on standard error: human (a line of text per event) or json (one JSON object per "
					+ "line, Elastic Common Schema, each line of a run with its run.id). Default: idsync.log.format, "
					+ "human.")
	@Nullable Format format;

	/** Switches to the format the command line names, if it names one: before the configuration is read. */
	void useChosen() {
		if (this.format != null) {
			use(this.format);
		}
	}

	/** Switches to the configured format, unless the command line named one. */
	void useConfigured(LogProperties configured) {
		if (this.format == null) {
			use(configured.configuredFormat());
		}
	}

	/** Where the command says what went wrong: standard error, or log events in JSON. */
	PrintWriter err() {
		return this.command.commandLine().getErr();
	}

	private void use(Format format) {
		Logback.use(format);
		if (format == Format.JSON) {
			this.command.commandLine().setErr(new PrintWriter(new LoggedLines(), true));
		}
	}

	/** Reads the option's value, naming the formats when it is none of them. */
	static final class Named implements ITypeConverter<Format> {

		@Override
		public Format convert(String value) {
			Format format = Format.named(value);
			if (format == null) {
				throw new TypeConversionException("'" + value + "' is not a log format. Use human or json.");
			}
			return format;
		}

	}

}
