package dev.idsync.batch;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ExitCode;
import dev.idsync.domain.PlannedAction;
import dev.idsync.report.RunSummary;

/**
 * How one run ended.
 *
 * @param runId the run
 * @param exitCode its exit code
 * @param reportDir its report folder, when it got that far
 * @param summary its summary, when it completed
 * @param firstActions the first actions that change Phorge, with what became of them, for a console summary
 * @param failure what went wrong, when it failed (never containing a secret)
 * @param plan the plan it wrote, in plan mode
 * @param rotations where each registered bot's token rotation stands, one line each
 * @param refused whether the command refused before any job started (the failure says why; there is no log)
 */
public record RunResult(String runId, ExitCode exitCode, @Nullable Path reportDir, @Nullable RunSummary summary,
		List<PlannedAction> firstActions, @Nullable String failure, @Nullable Path plan, List<String> rotations,
		boolean refused) {

	public RunResult {
		firstActions = List.copyOf(firstActions);
		rotations = List.copyOf(rotations);
	}

	/** A run that failed once started (its log has each step). */
	static RunResult failed(String runId, String failure) {
		return new RunResult(runId, ExitCode.ERROR, null, null, List.of(), failure, null, List.of(), false);
	}

	/** A command that refused before starting any job, for the reason given. */
	static RunResult refused(String runId, String reason) {
		return new RunResult(runId, ExitCode.ERROR, null, null, List.of(), reason, null, List.of(), true);
	}

}
