package dev.idsync.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.MatchMethod;
import dev.idsync.store.StagingStore;

/**
 * Correlates by email as one join of the persons' addresses with the addresses read from Phorge's database: no
 * {@code user.query} call at all, and verified addresses told from unverified ones.
 */
final class MatchByDatabaseEmailTasklet implements Tasklet {

	private final StagingStore staging;

	MatchByDatabaseEmailTasklet(StagingStore staging) {
		this.staging = staging;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		this.staging.deleteMatches(runId, MatchMethod.EMAIL);
		this.staging.deleteMatches(runId, MatchMethod.UNVERIFIED_EMAIL);
		contribution.incrementWriteCount(this.staging.matchByDatabaseEmail(runId));
		return RepeatStatus.FINISHED;
	}

}
