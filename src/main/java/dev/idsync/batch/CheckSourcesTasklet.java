package dev.idsync.batch;

import java.util.Set;

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

	private final Set<String> mayBeEmpty;

	/**
	 * Creates the check.
	 * @param runs where reads are recorded
	 * @param band the completeness band
	 * @param mayBeEmpty the sources that may legitimately be empty or shrink (only errors make them incomplete)
	 */
	CheckSourcesTasklet(RunStore runs, CompletenessProperties band, Set<String> mayBeEmpty) {
		this.runs = runs;
		this.band = band;
		this.mayBeEmpty = Set.copyOf(mayBeEmpty);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		boolean all = true;
		for (SourceRead read : this.runs.reads(runId)) {
			SourceRead judged = this.mayBeEmpty.contains(read.name()) ? SourceChecks.judgeRows(read)
					: SourceChecks.judge(read, this.runs.lastCompleteItems(read.name(), runId).orElse(null),
							this.band.maxDropPercent(), this.band.maxDropCount());
			this.runs.recordRead(runId, judged);
			all &= judged.complete();
			if (!judged.complete()) {
				log.warn(judged.name() + " is INCOMPLETE: " + judged.reason()
						+ ". Nobody will be concluded to have left or to be an orphan in this run.");
			}
		}
		this.runs.sourcesComplete(runId, all);
		return RepeatStatus.FINISHED;
	}

}
