package dev.idsync.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.RunIds;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunOptions;
import dev.idsync.batch.RunResult;
import dev.idsync.domain.Mode;
import dev.idsync.metrics.MetricsExport;

/**
 * {@code idsync run}: one run of the nightly job against the configured systems.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Runs the nightly job once against the systems the configuration names (real endpoints or a "
				+ "running 'idsync sim serve'): reads every identity and every Phorge account, correlates them, "
				+ "classifies drift, plans actions, passes them through the safety gates and, in apply mode, applies "
				+ "what the gates allow. Writes the report.",
				"Modes: report (default: findings and what apply would do), plan (also writes plan.json for 'idsync "
						+ "apply'), apply (applies within the limits). --dry-run changes nothing whatever the mode." },
		footerHeading = "%nExit codes:%n",
		footer = { "  0 no drift, 1 error (another run holds the store, a source incomplete, a failed write),",
				"  2 drift found, 3 a safety gate stopped actions (the report says how to allow them)" })
final class RunCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--config", required = true, paramLabel = "FILE",
			description = "The idsync YAML configuration (see jobs/nightly-sync/idsync.example.yml).")
	@Nullable Path config;

	@Option(names = "--report-dir", paramLabel = "DIR",
			description = "Where the run's report folder <runId>/ goes (default: idsync.report.dir, var/reports; with "
					+ "--restart, where the run put it).")
	@Nullable Path reportDir;

	@Option(names = "--mode", paramLabel = "MODE",
			description = "report, plan or apply (default: idsync.remediation.mode, report).")
	@Nullable String mode;

	@Option(names = "--dry-run", description = "Change nothing: report what the mode would do.")
	boolean dryRun;

	@Option(names = "--allow-mass-change", paramLabel = "N",
			description = "For this run only, let the blast-radius gate allow up to N actions of each type.")
	@Nullable Integer allowMassChange;

	@Option(names = "--allow-first-run",
			description = "Let the first run against an empty link store act (it is report-only otherwise).")
	boolean allowFirstRun;

	@Option(names = "--restart", paramLabel = "RUN_ID",
			description = "Restart a failed or killed run from the step that failed, under the same run id: what was "
					+ "applied stays applied, the rest is applied, nothing twice. Refused for a run a later run has "
					+ "superseded (completed, abandoned, or older than a run that completed since).")
	@Nullable String restart;

	@Override
	public Integer call() {
		CommandSpec command = this.spec;
		JobSettings settings = Settings.load(this.config, this.logs);
		if (settings == null) {
			return 1;
		}
		Instant startedAt = settings.clock().instant();
		RunResult result;
		if (this.restart != null) {
			result = NightlySync.restart(settings, this.restart, this.reportDir);
		}
		else {
			Mode chosen = (this.mode != null) ? Mode.named(this.mode) : settings.properties().remediation()
				.configuredMode();
			if (chosen == null) {
				throw new ParameterException(command.commandLine(), "--mode: '" + this.mode + "' is not a mode. Use "
						+ "report, plan or apply.");
			}
			Path reports = (this.reportDir != null) ? this.reportDir : settings.properties().report().dir();
			result = NightlySync.run(settings, RunIds.next(settings.clock()), reports,
					new RunOptions(chosen, this.dryRun, this.allowMassChange, this.allowFirstRun, null));
		}
		Instant finishedAt = settings.clock().instant();
		ConsoleReport.print(result, command.commandLine().getOut(), command.commandLine().getErr(), false);
		MetricsExport.export(settings.properties().metrics(), result, startedAt, finishedAt);
		return result.exitCode().code();
	}

}
