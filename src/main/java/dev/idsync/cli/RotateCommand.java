package dev.idsync.cli;

import java.nio.file.Path;
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
import dev.idsync.batch.RunResult;

/**
 * {@code idsync rotate}: rotates the registered bots' API tokens that are due, now.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
		description = { "Rotates the API token of every registered bot with sinks (idsync.bots[].sinks) whose oldest "
				+ "live token is older than its max-token-age: creates a new token in Phorge's database (through "
				+ "idsync.phorge.database.token-writer), verifies it with user.whoami, delivers it to every sink, and "
				+ "terminates the old one once the overlap window has passed (a later run does it when the window is "
				+ "still open). Each phase is journalled first: a rotation a crash interrupted is finished or rolled "
				+ "back by the next run, with at least one valid token delivered at every moment.",
				"The nightly job does the same in apply mode." },
		footerHeading = "%nExit codes:%n", footer = { "  0 done (each bot's state is printed), 1 error" })
final class RotateCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync YAML configuration.")
	@Nullable Path config;

	@Option(names = "--bot", paramLabel = "NAME", description = "Only this bot.")
	@Nullable String bot;

	@Option(names = "--dry-run", description = "Change nothing: say which bots are due.")
	boolean dryRun;

	@Override
	public Integer call() {
		CommandSpec command = this.spec;
		JobSettings settings = Settings.load(this.config, this.logs);
		if (settings == null) {
			return 1;
		}
		RunResult result = NightlySync.rotate(settings, "rotate-" + RunIds.next(settings.clock()), this.bot,
				this.dryRun);
		if (result.failure() != null) {
			command.commandLine().getErr().println("idsync: rotate: " + result.failure());
			return 1;
		}
		result.rotations().forEach(command.commandLine().getOut()::println);
		if (result.rotations().isEmpty()) {
			command.commandLine().getOut().println("No bot has sinks configured (idsync.bots[].sinks): nothing to "
					+ "rotate.");
		}
		return 0;
	}

}
