package dev.idsync.batch;

import java.util.List;
import java.util.function.BiFunction;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.MatchMethod;
import dev.idsync.store.StagingStore;

/**
 * One correlation rule as a set operation in the database. A restarted step starts over: when an earlier attempt of
 * the step may have committed matches, they are deleted first.
 */
final class CorrelateTasklet implements Tasklet {

	/**
	 * Set in the step's context by the attempt that inserts: a tasklet step saves its context in the transaction of its
	 * work, and a restart carries the context of the attempt before. Without it no matches of this rule can exist, and
	 * the delete is skipped: stage_match has no index on the method, so deleting nothing still read every match of the
	 * run (2 to 6 s each at a million people, on the second night, when the durable links have matched most of them).
	 */
	static final String MATCHED = "idsync.correlate.matched";

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
		ExecutionContext context = contribution.getStepExecution().getExecutionContext();
		if (context.containsKey(MATCHED)) {
			this.methods.forEach((method) -> this.staging.deleteMatches(runId, method));
		}
		context.putString(MATCHED, "true");
		contribution.incrementWriteCount(this.rule.apply(this.staging, runId));
		return RepeatStatus.FINISHED;
	}

}
