package dev.idsync.batch;

import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.LiveAccount;
import dev.idsync.remediate.AccountAdmin;
import dev.idsync.remediate.Applier;
import dev.idsync.remediate.Journal;
import dev.idsync.store.JournalStore;

/**
 * {@code idsync undo RUN_ID}: reverses, newest first, every change a run applied whose target is still as idsync left
 * it, and journals each reversal (or why it was skipped: someone changed the account since).
 */
final class UndoRunTasklet implements Tasklet {

	private final JournalStore journal;

	private final Applier applier;

	private final AccountAdmin admin;

	UndoRunTasklet(JournalStore journal, Applier applier, AccountAdmin admin) {
		this.journal = journal;
		this.applier = applier;
		this.admin = admin;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String undoRun = RunParameters.runId(contribution.getStepExecution());
		String target = contribution.getStepExecution().getJobParameters().getString(RunParameters.UNDO_OF);
		this.applier.recover();
		List<Journal.Entry> applied = this.journal.applied(String.valueOf(target));
		for (Journal.Entry entry : applied) {
			LiveAccount live = this.admin.live(List.of(entry.action().phid())).get(entry.action().phid());
			Applier.Settled settled = this.applier.undo(undoRun, entry, live);
			if (settled.stops()) {
				throw new IllegalStateException("undoing run " + target + " stopped at " + entry.action().type()
						+ " @" + entry.action().username() + ": " + settled.reason() + ". Run 'idsync undo " + target
						+ "' again once Phorge answers: what was reversed stays reversed");
			}
			contribution.incrementWriteCount(1);
		}
		return RepeatStatus.FINISHED;
	}

}
