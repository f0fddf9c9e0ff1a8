package dev.idsync.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.SourceRead;

/**
 * What a report says about a run besides its findings and actions.
 *
 * @param runId the run
 * @param startedAt when it started
 * @param finishedAt when its report was written
 * @param mode {@code dry-run} (the only mode of this version: actions are planned, never applied)
 * @param version idsync's version
 * @param sources how each source was read
 * @param byCategory how many findings of each category
 * @param byAction how many actions of each type were planned
 * @param exitCode the run's exit code
 * @param baselineRun the last complete run the findings were compared with, or {@code null} when there was none
 * @param byChange how many drift findings are new or persisting since the baseline, and how many of its were resolved
 */
public record RunSummary(String runId, Instant startedAt, Instant finishedAt, String mode, String version,
		List<SourceRead> sources, Map<Category, Long> byCategory, Map<ActionType, Long> byAction, ExitCode exitCode,
		@Nullable String baselineRun, Map<FindingHistory.Change, Long> byChange) {

	public RunSummary {
		sources = List.copyOf(sources);
		byCategory = Map.copyOf(byCategory);
		byAction = Map.copyOf(byAction);
		byChange = Map.copyOf(byChange);
	}

	/** A summary without a comparison with an earlier run. */
	public RunSummary(String runId, Instant startedAt, Instant finishedAt, String mode, String version,
			List<SourceRead> sources, Map<Category, Long> byCategory, Map<ActionType, Long> byAction,
			ExitCode exitCode) {
		this(runId, startedAt, finishedAt, mode, version, sources, byCategory, byAction, exitCode, null, Map.of());
	}

	/** How many findings the run reported in all. */
	public long findings() {
		return this.byCategory.values().stream().mapToLong(Long::longValue).sum();
	}

	/** How many actions the run planned in all. */
	public long actions() {
		return this.byAction.values().stream().mapToLong(Long::longValue).sum();
	}

}
