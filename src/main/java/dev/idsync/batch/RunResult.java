package dev.idsync.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param conduitCalls how many times the run called each Conduit method (e.g. {@code user.search}), when its job
 * started; empty otherwise
 */
public record RunResult(String runId, ExitCode exitCode, @Nullable Path reportDir, @Nullable RunSummary summary,
		List<PlannedAction> firstActions, @Nullable String failure, @Nullable Path plan, List<String> rotations,
		boolean refused, Map<String, Long> conduitCalls) {

	public RunResult {
		firstActions = List.copyOf(firstActions);
		rotations = List.copyOf(rotations);
		conduitCalls = Map.copyOf(conduitCalls);
	}

	/** A result without Conduit calls counted. */
	public RunResult(String runId, ExitCode exitCode, @Nullable Path reportDir, @Nullable RunSummary summary,
			List<PlannedAction> firstActions, @Nullable String failure, @Nullable Path plan, List<String> rotations,
			boolean refused) {
		this(runId, exitCode, reportDir, summary, firstActions, failure, plan, rotations, refused, Map.of());
	}

	/** A run that failed once started (its log has each step). */
	static RunResult failed(String runId, String failure) {
		return failed(runId, failure, Map.of());
	}

	/** A run that failed once its job started, having called Conduit's methods as counted. */
	static RunResult failed(String runId, String failure, Map<String, Long> conduitCalls) {
		return new RunResult(runId, ExitCode.ERROR, null, null, List.of(), failure, null, List.of(), false,
				conduitCalls);
	}

	/** A command that refused before starting any job, for the reason given. */
	static RunResult refused(String runId, String reason) {
		return new RunResult(runId, ExitCode.ERROR, null, null, List.of(), reason, null, List.of(), true);
	}

}
