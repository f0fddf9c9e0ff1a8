package dev.idsync.batch;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Action;
import dev.idsync.domain.ExitCode;
import dev.idsync.report.RunSummary;

/**
 * How one run ended.
 *
 * @param runId the run
 * @param exitCode its exit code
 * @param reportDir its report folder, when it got that far
 * @param summary its summary, when it completed
 * @param firstActions the first planned actions, for a console summary
 * @param failure what went wrong, when it failed (never containing a secret)
 */
public record RunResult(String runId, ExitCode exitCode, @Nullable Path reportDir, @Nullable RunSummary summary,
		List<Action> firstActions, @Nullable String failure) {

	public RunResult {
		firstActions = List.copyOf(firstActions);
	}

}
