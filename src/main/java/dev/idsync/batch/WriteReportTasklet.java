package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.SourceRead;
import dev.idsync.report.ReportWriter;
import dev.idsync.report.RunSummary;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.FindingStore;
import dev.idsync.store.RunStore;

/**
 * Writes the run's report folder and leaves the exit code and the folder in the job's execution context.
 */
final class WriteReportTasklet implements Tasklet {

	static final String EXIT_CODE = "idsync.exitCode";

	static final String REPORT_PATH = "idsync.reportPath";

	private final RunStore runs;

	private final FindingStore findings;

	private final Clock clock;

	private final String version;

	WriteReportTasklet(RunStore runs, FindingStore findings, Clock clock, String version) {
		this.runs = runs;
		this.findings = findings;
		this.clock = clock;
		this.version = version;
	}

	/**
	 * What a report says about a run besides its findings: a gate stopped actions when it held some back in a mode
	 * that would otherwise have applied or planned them.
	 */
	static RunSummary summary(RunStore runs, FindingStore findings, String runId, String mode, Instant finished,
			String version) {
		Map<Category, Long> byCategory = findings.countByCategory(runId);
		Map<ActionType, Map<ActionStatus, Long>> matrix = findings.countByTypeAndStatus(runId);
		boolean stopped = !mode.startsWith("report") && matrix.values().stream()
			.anyMatch((byStatus) -> byStatus.getOrDefault(ActionStatus.HELD_GATE, 0L) > 0);
		List<SourceRead> reads = runs.reads(runId);
		return new RunSummary(runId, runs.startedAt(runId).orElse(finished), finished, mode, version, reads, byCategory,
				findings.countByActionType(runId), ExitCode.of(byCategory, Completeness.of(reads), stopped),
				runs.previousCompleteRun(runId).orElse(null), findings.countByChange(runId), runs.gates(runId),
				matrix);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String runId = RunParameters.runId(step);
		RunSummary summary = summary(this.runs, this.findings, runId, RunParameters.describeMode(step.getJobParameters()),
				this.clock.instant(), this.version);
		Path dir = Path.of(step.getJobParameters().getString(RunParameters.REPORT_DIR));
		Path written;
		try (CloseableIterator<Finding> found = this.findings.findings(runId);
				CloseableIterator<PlannedAction> planned = this.findings.actions(runId)) {
			written = new ReportWriter().write(dir, summary, found, planned,
					this.findings.resolved(runId).iterator());
		}
		ExecutionContext job = step.getJobExecution().getExecutionContext();
		job.putInt(EXIT_CODE, summary.exitCode().code());
		job.putString(REPORT_PATH, written.toString());
		return RepeatStatus.FINISHED;
	}

}
