package dev.idsync.report;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.Severity;
import dev.idsync.domain.SourceRead;

/**
 * What a report says about a run besides its findings and actions.
 *
 * @param runId the run
 * @param startedAt when it started
 * @param finishedAt when its report was written
 * @param mode {@code report}, {@code plan} or {@code apply}, with {@code , dry run} when {@code --dry-run} forced
 * no change
 * @param version idsync's version
 * @param sources how each source was read
 * @param byCategory how many findings of each category
 * @param byAction how many actions of each type were planned
 * @param exitCode the run's exit code
 * @param baselineRun the last complete run the findings were compared with, or {@code null} when there was none
 * @param byChange how many drift findings are new or persisting since the baseline, and how many of its were resolved
 * @param gates the outcome of each safety gate
 * @param actionMatrix how many actions of each type ended in each status
 * @param changesByCategory per category, how many drift and info findings are new or persisting since the baseline,
 * and how many of its were resolved (categories without any may be missing)
 * @param notes what the run says besides findings and actions, one sentence each: the age of idsync's own Conduit
 * token, where each bot's token rotation stands
 */
public record RunSummary(String runId, Instant startedAt, Instant finishedAt, String mode, String version,
		List<SourceRead> sources, Map<Category, Long> byCategory, Map<ActionType, Long> byAction, ExitCode exitCode,
		@Nullable String baselineRun, Map<FindingHistory.Change, Long> byChange, List<GateResult> gates,
		Map<ActionType, Map<ActionStatus, Long>> actionMatrix,
		Map<Category, Map<FindingHistory.Change, Long>> changesByCategory, List<String> notes) {

	public RunSummary {
		notes = List.copyOf(notes);
		gates = List.copyOf(gates);
		actionMatrix = Map.copyOf(actionMatrix);
		changesByCategory = Map.copyOf(changesByCategory);
		sources = List.copyOf(sources);
		byCategory = Map.copyOf(byCategory);
		byAction = Map.copyOf(byAction);
		byChange = Map.copyOf(byChange);
	}

	/** A summary without notes. */
	public RunSummary(String runId, Instant startedAt, Instant finishedAt, String mode, String version,
			List<SourceRead> sources, Map<Category, Long> byCategory, Map<ActionType, Long> byAction,
			ExitCode exitCode, @Nullable String baselineRun, Map<FindingHistory.Change, Long> byChange,
			List<GateResult> gates, Map<ActionType, Map<ActionStatus, Long>> actionMatrix,
			Map<Category, Map<FindingHistory.Change, Long>> changesByCategory) {
		this(runId, startedAt, finishedAt, mode, version, sources, byCategory, byAction, exitCode, baselineRun,
				byChange, gates, actionMatrix, changesByCategory, List.of());
	}

	/** A summary without the changes per category. */
	public RunSummary(String runId, Instant startedAt, Instant finishedAt, String mode, String version,
			List<SourceRead> sources, Map<Category, Long> byCategory, Map<ActionType, Long> byAction,
			ExitCode exitCode, @Nullable String baselineRun, Map<FindingHistory.Change, Long> byChange,
			List<GateResult> gates, Map<ActionType, Map<ActionStatus, Long>> actionMatrix) {
		this(runId, startedAt, finishedAt, mode, version, sources, byCategory, byAction, exitCode, baselineRun,
				byChange, gates, actionMatrix, Map.of());
	}

	/** A summary without a comparison with an earlier run. */
	public RunSummary(String runId, Instant startedAt, Instant finishedAt, String mode, String version,
			List<SourceRead> sources, Map<Category, Long> byCategory, Map<ActionType, Long> byAction,
			ExitCode exitCode) {
		this(runId, startedAt, finishedAt, mode, version, sources, byCategory, byAction, exitCode, null, Map.of(),
				List.of(), Map.of(), Map.of());
	}

	/** How many actions ended in each status. */
	public Map<ActionStatus, Long> byStatus() {
		Map<ActionStatus, Long> byStatus = new EnumMap<>(ActionStatus.class);
		this.actionMatrix.values().forEach((counts) -> counts.forEach((status, n) -> byStatus.merge(status, n,
				Long::sum)));
		return byStatus;
	}

	/** How many actions of a type ended in a status. */
	public long count(ActionType type, ActionStatus status) {
		return this.actionMatrix.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
	}

	/** How many of a category's drift and info findings are new, persisting or resolved since the baseline. */
	public long change(Category category, FindingHistory.Change change) {
		return this.changesByCategory.getOrDefault(category, Map.of()).getOrDefault(change, 0L);
	}

	/** How many findings of a severity (drift, info) are new, persisting or resolved since the baseline. */
	public long change(Severity severity, FindingHistory.Change change) {
		return this.changesByCategory.entrySet().stream().filter((entry) -> entry.getKey().severity() == severity)
			.mapToLong((entry) -> entry.getValue().getOrDefault(change, 0L)).sum();
	}

	/** How many findings of a severity the run reported. */
	public long count(Severity severity) {
		return this.byCategory.entrySet().stream().filter((entry) -> entry.getKey().severity() == severity)
			.mapToLong(Map.Entry::getValue).sum();
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
