package dev.idsync.batch;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.config.CompletenessProperties;
import dev.idsync.domain.SourceRead;
import dev.idsync.reconcile.SourceChecks;
import dev.idsync.store.RunStore;

/**
 * Judges every read of the run complete or not (errors, unreadable rows, nobody, or a shrink beyond the band since the
 * last complete read) and records the verdict, before anything is concluded from the reads.
 */
final class CheckSourcesTasklet implements Tasklet {

	private static final Log log = LogFactory.getLog("dev.idsync.job");

	private final RunStore runs;

	private final CompletenessProperties band;

	CheckSourcesTasklet(RunStore runs, CompletenessProperties band) {
		this.runs = runs;
		this.band = band;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		for (SourceRead read : this.runs.reads(runId)) {
			SourceRead judged = SourceChecks.judge(read, this.runs.lastCompleteItems(read.name(), runId).orElse(null),
					this.band.maxDropPercent(), this.band.maxDropCount());
			this.runs.recordRead(runId, judged);
			if (!judged.complete()) {
				log.warn(judged.name() + " is INCOMPLETE: " + judged.reason()
						+ ". Nobody will be concluded to have left or to be an orphan in this run.");
			}
		}
		return RepeatStatus.FINISHED;
	}

}
