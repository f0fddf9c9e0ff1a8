package dev.idsync.batch;

import java.time.Clock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import dev.idsync.domain.ExitCode;
import dev.idsync.store.RunStore;

/**
 * Records how each run ended, with its exit code.
 */
final class RunRecordListener implements JobExecutionListener {

	private final RunStore runs;

	private final Clock clock;

	RunRecordListener(RunStore runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		String runId = jobExecution.getJobParameters().getString(RunParameters.RUN_ID);
		boolean completed = jobExecution.getStatus() == BatchStatus.COMPLETED;
		int exitCode = completed ? jobExecution.getExecutionContext().getInt(WriteReportTasklet.EXIT_CODE)
				: ExitCode.ERROR.code();
		this.runs.finished(runId, this.clock.instant(), jobExecution.getStatus().name(), exitCode);
	}

}
