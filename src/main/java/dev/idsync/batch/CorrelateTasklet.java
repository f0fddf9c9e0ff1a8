package dev.idsync.batch;

import java.util.List;
import java.util.function.BiFunction;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.MatchMethod;
import dev.idsync.store.StagingStore;

/**
 * One correlation rule as a set operation in the database: its earlier matches of this run are deleted first, so that
 * a restarted step starts over.
 */
final class CorrelateTasklet implements Tasklet {

	private final StagingStore staging;

	private final List<MatchMethod> methods;

	private final BiFunction<StagingStore, String, Integer> rule;

	/**
	 * A correlation step.
	 * @param staging the staged population
	 * @param methods the methods the rule matches by (their matches are replaced)
	 * @param rule the rule: adds matches for the run and says how many
	 */
	CorrelateTasklet(StagingStore staging, List<MatchMethod> methods, BiFunction<StagingStore, String, Integer> rule) {
		this.staging = staging;
		this.methods = List.copyOf(methods);
		this.rule = rule;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		this.methods.forEach((method) -> this.staging.deleteMatches(runId, method));
		contribution.incrementWriteCount(this.rule.apply(this.staging, runId));
		return RepeatStatus.FINISHED;
	}

}
