package dev.idsync.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunResult;
import dev.idsync.metrics.MetricsExport;

/**
 * {@code idsync apply PLAN}: applies a reviewed plan.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
		description = { "Applies the planned actions of a plan written by 'idsync plan'. Refuses a plan that was "
				+ "edited (its content hash), has expired, was made from incomplete sources or for another Phorge, "
				+ "or was applied already. Re-checks each action's precondition against live state just before "
				+ "applying it and skips, with its reason, one that no longer holds. Every write is journalled; "
				+ "'idsync undo RUN_ID' reverses them.",
				"If applying stops (Phorge failing, the process killed), run the same command again: what was applied "
						+ "stays applied, the rest is applied, nothing twice." },
		footerHeading = "%nExit codes:%n",
		footer = { "  0/2 applied (2: the run's drift remains in its report), 1 refused or failed (the reason is "
				+ "printed)" })
final class ApplyCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync YAML configuration.")
	@Nullable Path config;

	@Parameters(index = "0", paramLabel = "PLAN", description = "The plan written by 'idsync plan -o PLAN'.")
	@Nullable Path plan;

	@Override
	public Integer call() {
		CommandSpec command = this.spec;
		JobSettings settings = Settings.load(this.config, this.logs);
		if (settings == null) {
			return 1;
		}
		Instant startedAt = settings.clock().instant();
		RunResult result = NightlySync.applyPlan(settings, this.plan);
		Instant finishedAt = settings.clock().instant();
		ConsoleReport.print(result, command.commandLine().getOut(), command.commandLine().getErr(), false);
		MetricsExport.export(settings.properties().metrics(), result, startedAt, finishedAt);
		return result.exitCode().code();
	}

}
