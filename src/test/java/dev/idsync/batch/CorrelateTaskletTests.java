package dev.idsync.batch;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import dev.idsync.domain.MatchMethod;
import dev.idsync.store.StagingStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CorrelateTaskletTests {

	private final StagingStore staging = mock(StagingStore.class);

	private final CorrelateTasklet tasklet = new CorrelateTasklet(this.staging,
			List.of(MatchMethod.MANUAL, MatchMethod.LINK), StagingStore::matchLinks);

	@Test
	void aFirstAttemptMatchesWithoutDeletingAndMarksItsContext() {
		StepExecution step = step();
		when(this.staging.matchLinks("run-1")).thenReturn(7);

		this.tasklet.execute(step.createStepContribution(), null);

		verify(this.staging, never()).deleteMatches("run-1", MatchMethod.MANUAL);
		verify(this.staging, never()).deleteMatches("run-1", MatchMethod.LINK);
		assertThat(step.getExecutionContext().containsKey(CorrelateTasklet.MATCHED)).isTrue();
	}

	@Test
	void aRestartAfterAnAttemptThatMayHaveCommittedDeletesItsMatchesFirst() {
		StepExecution step = step();
		step.getExecutionContext().putString(CorrelateTasklet.MATCHED, "true");

		this.tasklet.execute(step.createStepContribution(), null);

		var order = inOrder(this.staging);
		order.verify(this.staging).deleteMatches("run-1", MatchMethod.MANUAL);
		order.verify(this.staging).deleteMatches("run-1", MatchMethod.LINK);
		order.verify(this.staging).matchLinks("run-1");
	}

	private static StepExecution step() {
		return MetaDataInstanceFactory.createStepExecution(
				new JobParametersBuilder().addString(RunParameters.RUN_ID, "run-1").toJobParameters());
	}

}
