package dev.idsync.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.RunIds;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunOptions;
import dev.idsync.batch.RunResult;
import dev.idsync.domain.Mode;
import dev.idsync.metrics.MetricsExport;

/**
 * {@code idsync plan -o PLAN}: a run in plan mode, writing the plan for review.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
		description = { "Runs the nightly job in plan mode and writes plan.json: every action with its target, the "
				+ "finding and evidence behind it, the precondition 'idsync apply' re-checks, what the safety gates "
				+ "made of it, the sources' completeness, a content hash, and when it expires "
				+ "(idsync.remediation.plan-ttl). Changes nothing." },
		footerHeading = "%nExit codes:%n",
		footer = { "  0 no drift, 1 error, 2 drift found (the plan holds it),",
				"  3 a safety gate holds actions back (the plan says which and why)" })
final class PlanCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync YAML configuration.")
	@Nullable Path config;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "PLAN", description = "Where to write the plan.")
	@Nullable Path output;

	@Option(names = "--report-dir", paramLabel = "DIR",
			description = "Where the run's report folder <runId>/ goes (default: idsync.report.dir, var/reports).")
	@Nullable Path reportDir;

	@Option(names = "--allow-mass-change", paramLabel = "N",
			description = "Let the blast-radius gate allow up to N actions of each type in this plan.")
	@Nullable Integer allowMassChange;

	@Option(names = "--allow-first-run",
			description = "Let a plan made by the first run against an empty link store hold actions to apply.")
	boolean allowFirstRun;

	@Override
	public Integer call() {
		CommandSpec command = this.spec;
		JobSettings settings = Settings.load(this.config, this.logs);
		if (settings == null) {
			return 1;
		}
		Instant startedAt = settings.clock().instant();
		Path reports = (this.reportDir != null) ? this.reportDir : settings.properties().report().dir();
		RunResult result = NightlySync.run(settings, RunIds.next(settings.clock()), reports,
				new RunOptions(Mode.PLAN, false, this.allowMassChange, this.allowFirstRun, this.output));
		Instant finishedAt = settings.clock().instant();
		ConsoleReport.print(result, command.commandLine().getOut(), command.commandLine().getErr(), false);
		MetricsExport.export(settings.properties().metrics(), result, startedAt, finishedAt);
		return result.exitCode().code();
	}

}
