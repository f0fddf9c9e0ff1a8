package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;
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

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String runId = RunParameters.runId(step);
		Map<Category, Long> byCategory = this.findings.countByCategory(runId);
		Instant started = this.runs.startedAt(runId).orElseGet(this.clock::instant);
		RunSummary summary = new RunSummary(runId, started, this.clock.instant(),
				step.getJobParameters().getString(RunParameters.MODE), this.version, this.runs.reads(runId), byCategory,
				this.findings.countByActionType(runId),
				ExitCode.of(byCategory, Completeness.of(this.runs.reads(runId))),
				this.runs.previousCompleteRun(runId).orElse(null), this.findings.countByChange(runId));
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
