package dev.idsync.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunResult;
import dev.idsync.config.ConfigException;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;

/**
 * {@code idsync run}: one run of the nightly job against the configured systems.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Runs the nightly job once against the systems the configuration names (real endpoints or a "
				+ "running 'idsync sim serve'): reads every identity and every Phorge account, correlates them, "
				+ "classifies drift, plans actions and writes the report.",
				"This version never changes Phorge: every planned action is reported, none is applied." },
		footerHeading = "%nExit codes:%n",
		footer = { "  0 no drift, 1 error (nothing changed), 2 drift found,", "  3 a safety gate stopped actions" })
final class RunCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--config", required = true, paramLabel = "FILE",
			description = "The idsync YAML configuration (see jobs/nightly-sync/idsync.example.yml).")
	@Nullable Path config;

	@Option(names = "--report-dir", paramLabel = "DIR",
			description = "Where the run's report folder <runId>/ goes (default: idsync.report.dir, var/reports).")
	@Nullable Path reportDir;

	@Override
	public Integer call() {
		CommandSpec command = this.spec;
		IdsyncProperties properties;
		Credentials credentials;
		try {
			properties = ConfigLoader.load(this.config);
			credentials = Credentials.resolve(properties, System.getenv());
		}
		catch (ConfigException ex) {
			command.commandLine().getErr().println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
		Clock clock = Clock.systemUTC();
		Path reports = (this.reportDir != null) ? this.reportDir : properties.report().dir();
		RunResult result = NightlySync.run(new JobSettings(properties, credentials, clock), RunIds.next(clock),
				reports);
		ConsoleReport.print(result, command.commandLine().getOut(), command.commandLine().getErr(), false);
		return result.exitCode().code();
	}

}
