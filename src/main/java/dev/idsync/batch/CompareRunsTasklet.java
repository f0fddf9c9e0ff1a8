package dev.idsync.batch;

import java.time.Clock;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.Completeness;
import dev.idsync.store.FindingStore;
import dev.idsync.store.LinkStore;
import dev.idsync.store.RunStore;

/**
 * Records the durable links this run established, then what of the last complete run's findings this run resolved
 * (each finding's own history, first seen, consecutive runs, new or persisting, was recorded as it was inserted).
 */
final class CompareRunsTasklet implements Tasklet {

	private final RunStore runs;

	private final FindingStore findings;

	private final LinkStore links;

	private final Clock clock;

	CompareRunsTasklet(RunStore runs, FindingStore findings, LinkStore links, Clock clock) {
		this.runs = runs;
		this.findings = findings;
		this.links = links;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		this.findings.analyze();
		contribution.incrementWriteCount(this.links.record(runId, this.clock.instant()));
		this.findings.recordResolved(runId, this.runs.previousCompleteRun(runId).orElse(null),
				Completeness.of(this.runs.reads(runId)).all());
		return RepeatStatus.FINISHED;
	}

}
