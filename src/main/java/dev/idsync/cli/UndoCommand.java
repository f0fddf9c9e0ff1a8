package dev.idsync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.RunIds;
import dev.idsync.batch.NightlySync;

/**
 * {@code idsync undo RUN_ID}: reverses what a run applied.
 */
@Command(name = "undo", mixinStandardHelpOptions = true,
		description = { "Reverses, newest first, every change a run applied (disables are enabled again, enables "
				+ "disabled, approvals withdrawn) where the account is still as idsync left it; skips, and reports, "
				+ "each account someone changed since. Every reversal is journalled." },
		footerHeading = "%nExit codes:%n", footer = { "  0 undone (skipped ones are listed), 1 error" })
final class UndoCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync YAML configuration.")
	@Nullable Path config;

	@Parameters(index = "0", paramLabel = "RUN_ID", description = "The run whose changes to reverse.")
	@Nullable String runId;

	@Override
	public Integer call() {
		CommandSpec command = this.spec;
		JobSettings settings = Settings.load(this.config, this.logs);
		if (settings == null) {
			return 1;
		}
		String undoRun = "undo-" + this.runId + "-" + RunIds.next(settings.clock());
		NightlySync.UndoResult result = NightlySync.undo(settings, this.runId, undoRun);
		result.journal().forEach(command.commandLine().getOut()::println);
		if (result.failure() != null) {
			command.commandLine().getErr().println("idsync: undo of " + this.runId + ": " + result.failure());
			return 1;
		}
		command.commandLine().getOut().println("Undo of run " + this.runId + " finished (journal entries under "
				+ undoRun + ").");
		return 0;
	}

}
