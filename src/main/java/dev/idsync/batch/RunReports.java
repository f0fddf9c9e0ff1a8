package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.RunTally;
import dev.idsync.domain.SourceRead;
import dev.idsync.report.RecordedRun;
import dev.idsync.report.ReportWriter;
import dev.idsync.report.RunSummary;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.FindingStore;
import dev.idsync.store.RunStore;

/**
 * A recorded run's report, rendered from idsync's store: by the job's report step as the run ends, and by the report
 * commands for any run whose records are kept.
 */
public final class RunReports {

	/** How many runs the history of a report shows. */
	public static final int HISTORY = 30;

	private final RunStore runs;

	private final FindingStore findings;

	/**
	 * Reads runs from these stores.
	 * @param runs the runs
	 * @param findings their findings and actions
	 */
	public RunReports(RunStore runs, FindingStore findings) {
		this.runs = runs;
		this.findings = findings;
	}

	/**
	 * A recorded run as its report sees it, as it was recorded: its mode, and when it ended (now, if it has not).
	 * @param runId the run
	 * @param now when the report is rendered
	 * @return the run
	 */
	public RecordedRun recorded(String runId, Instant now) {
		String mode = this.runs.mode(runId).orElse("report");
		return recorded(runId, mode, this.runs.finishedAt(runId).orElse(now));
	}

	/**
	 * Writes a run's report folder and points {@code latest} at it.
	 * @param dir the report directory
	 * @param runId the run
	 * @param mode the run's mode, as a report describes it
	 * @param finished when the report is written
	 * @return the written folder and the run's summary
	 */
	public Written write(Path dir, String runId, String mode, Instant finished) {
		return write(dir, runId, runId, mode, finished);
	}

	/** Writes a run's report into {@code dir/folder}. */
	Written write(Path dir, String folder, String runId, String mode, Instant finished) {
		// the formats read the findings from one read of the store, spooled beside the report (see FindingSpool)
		try (FindingSpool spool = spool(dir, folder, runId)) {
			RecordedRun run = recorded(runId, mode, finished, spool::findings);
			return new Written(new ReportWriter().write(dir, folder, run), run.summary());
		}
	}

	private FindingSpool spool(Path dir, String folder, String runId) {
		try {
			return FindingSpool.write(dir.resolve("." + folder + ".findings.tmp"), this.findings.findings(runId));
		}
		catch (java.io.UncheckedIOException ex) {
			throw new java.io.UncheckedIOException("cannot write the report into " + dir + " (idsync.report.dir, "
					+ "--report-dir): " + ex.getMessage(), ex.getCause());
		}
	}

	/** The newest runs with their counts, oldest first. */
	public List<RunTally> history(int limit) {
		return this.runs.tallies(limit);
	}

	RecordedRun recorded(String runId, String mode, Instant finished) {
		return recorded(runId, mode, finished, () -> stream(this.findings.findings(runId)));
	}

	private RecordedRun recorded(String runId, String mode, Instant finished, Supplier<Stream<Finding>> findings) {
		RunSummary summary = summary(runId, mode, finished);
		List<RunTally> history = this.runs.tallies(HISTORY);
		return new RecordedRun() {

			@Override
			public RunSummary summary() {
				return summary;
			}

			@Override
			public List<RunTally> history() {
				return history;
			}

			@Override
			public Stream<Finding> findings() {
				return findings.get();
			}

			@Override
			public Stream<PlannedAction> actions() {
				return stream(RunReports.this.findings.actions(runId));
			}

			@Override
			public Stream<Finding> resolved() {
				return RunReports.this.findings.resolved(runId).stream();
			}

		};
	}

	/**
	 * What a report says about a run besides its findings: a gate stopped actions when it held some back in a mode
	 * that would otherwise have applied or planned them.
	 */
	RunSummary summary(String runId, String mode, Instant finished) {
		Map<Category, Long> byCategory = this.findings.countByCategory(runId);
		Map<ActionType, Map<ActionStatus, Long>> matrix = this.findings.countByTypeAndStatus(runId);
		boolean stopped = !mode.startsWith("report") && matrix.values().stream()
			.anyMatch((byStatus) -> byStatus.getOrDefault(ActionStatus.HELD_GATE, 0L) > 0);
		List<SourceRead> reads = this.runs.reads(runId);
		return new RunSummary(runId, this.runs.startedAt(runId).orElse(finished), finished, mode,
				NightlySyncJobConfiguration.version(), reads, byCategory, this.findings.countByActionType(runId),
				ExitCode.of(byCategory, Completeness.of(reads), stopped),
				this.runs.previousCompleteRun(runId).orElse(null), this.findings.countByChange(runId),
				this.runs.gates(runId), matrix, this.findings.countByCategoryAndChange(runId), this.runs.notes(runId));
	}

	private static <T> Stream<T> stream(CloseableIterator<T> rows) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
			.onClose(rows::close);
	}

	/**
	 * A written report.
	 *
	 * @param folder the run's report folder
	 * @param summary the run's summary
	 */
	public record Written(Path folder, RunSummary summary) {
	}

}
