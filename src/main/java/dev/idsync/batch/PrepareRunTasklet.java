package dev.idsync.batch;

import java.time.Clock;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Records the run and clears what earlier runs staged.
 */
final class PrepareRunTasklet implements Tasklet {

	private final RunStore runs;

	private final StagingStore staging;

	private final Clock clock;

	PrepareRunTasklet(RunStore runs, StagingStore staging, Clock clock) {
		this.runs = runs;
		this.staging = staging;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String runId = RunParameters.runId(step);
		this.runs.started(runId, this.clock.instant(), step.getJobParameters().getString(RunParameters.MODE),
				step.getJobParameters().getString(RunParameters.REPORT_DIR));
		this.staging.purgeOtherRuns(runId);
		return RepeatStatus.FINISHED;
	}

}
