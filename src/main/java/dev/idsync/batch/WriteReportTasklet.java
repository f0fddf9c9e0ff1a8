package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.report.RunSummary;
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

	WriteReportTasklet(RunStore runs, FindingStore findings, Clock clock) {
		this.runs = runs;
		this.findings = findings;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String runId = RunParameters.runId(step);
		Path dir = Path.of(step.getJobParameters().getString(RunParameters.REPORT_DIR));
		String folder = step.getJobParameters().getString(RunParameters.REPORT_FOLDER, runId);
		RunReports.Written written = new RunReports(this.runs, this.findings).write(dir, folder, runId,
				RunParameters.describeMode(step.getJobParameters()), this.clock.instant());
		RunSummary summary = written.summary();
		ExecutionContext job = step.getJobExecution().getExecutionContext();
		job.putInt(EXIT_CODE, summary.exitCode().code());
		job.putString(REPORT_PATH, written.folder().toString());
		return RepeatStatus.FINISHED;
	}

}
