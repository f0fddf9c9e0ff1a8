package dev.idsync.batch;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Records the run, clears what earlier runs staged, and deletes the records of runs older than
 * {@code idsync.store.keep-runs}: never what this run, a run that may still be restarted, or the baseline needs.
 */
final class PrepareRunTasklet implements Tasklet {

	private final RunStore runs;

	private final StagingStore staging;

	private final Clock clock;

	private final int keepRuns;

	PrepareRunTasklet(RunStore runs, StagingStore staging, Clock clock, int keepRuns) {
		this.runs = runs;
		this.staging = staging;
		this.clock = clock;
		this.keepRuns = keepRuns;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String runId = RunParameters.runId(step);
		this.runs.started(runId, this.clock.instant(), RunParameters.describeMode(step.getJobParameters()),
				step.getJobParameters().getString(RunParameters.REPORT_DIR));
		Set<String> keep = new HashSet<>(this.runs.restartable());
		keep.add(runId);
		this.staging.purgeExcept(keep);
		this.runs.purgeOldRuns(runId, this.keepRuns);
		return RepeatStatus.FINISHED;
	}

}
