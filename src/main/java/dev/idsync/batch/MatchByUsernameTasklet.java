package dev.idsync.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.MatchMethod;
import dev.idsync.store.StagingStore;

/**
 * Applies the username rule as one set operation in the database, after every email match is known.
 */
final class MatchByUsernameTasklet implements Tasklet {

	private final StagingStore staging;

	MatchByUsernameTasklet(StagingStore staging) {
		this.staging = staging;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		this.staging.deleteMatches(runId, MatchMethod.USERNAME);
		contribution.incrementWriteCount(this.staging.matchByUsername(runId));
		return RepeatStatus.FINISHED;
	}

}
