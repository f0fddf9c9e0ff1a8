package dev.idsync.batch;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.LiveAccount;
import dev.idsync.domain.PlannedAction;
import dev.idsync.remediate.AccountAdmin;
import dev.idsync.remediate.Applier;
import dev.idsync.store.FindingStore;
import dev.idsync.store.JournalStore;

/**
 * Applies the run's pending actions (apply mode, or {@code idsync apply}), after settling whatever a crash left
 * half-done. Each action is re-checked against the account as Phorge has it now, journalled before and after, and
 * recorded at once, outside any chunk transaction, so that a crash loses nothing. The first failure stops the step:
 * restarting the run goes on from there, and nothing is applied twice.
 */
final class ApplyActionsTasklet implements Tasklet {

	private static final Set<ActionStatus> TO_APPLY = Set.of(ActionStatus.PENDING, ActionStatus.FAILED);

	private final FindingStore findings;

	private final JournalStore journal;

	private final Applier applier;

	private final AccountAdmin admin;

	/** The step execution whose pending actions {@link #pending} holds: one per run's application. */
	private @Nullable Long loadedFor;

	private Iterator<PlannedAction> pending = Collections.emptyIterator();

	ApplyActionsTasklet(FindingStore findings, JournalStore journal, Applier applier, AccountAdmin admin) {
		this.findings = findings;
		this.journal = journal;
		this.applier = applier;
		this.admin = admin;
	}

	/**
	 * Applies one action per call, so that each is a boundary at which a stop request (serve's SIGTERM) takes
	 * effect: the step then ends STOPPED, and a restart goes on with the next action.
	 */
	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		if (!RunParameters.applies(step.getJobParameters())) {
			return RepeatStatus.FINISHED;
		}
		String runId = RunParameters.runId(step);
		if (this.loadedFor == null || this.loadedFor != step.getId()) {
			settleCrashedIntents();
			this.pending = this.findings.actions(runId, TO_APPLY).iterator();
			this.loadedFor = step.getId();
		}
		if (this.pending.hasNext()) {
			apply(runId, this.pending.next().action(), contribution);
		}
		return this.pending.hasNext() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
	}

	private void settleCrashedIntents() {
		for (Applier.Settled settled : this.applier.recover()) {
			if (settled.status() == ActionStatus.APPLIED) {
				this.findings.settle(settled.runId(), settled.action(), ActionStatus.APPLIED, settled.reason());
			}
		}
	}

	private void apply(String runId, Action action, StepContribution contribution) {
		Optional<ActionStatus> earlier = this.journal.settled(runId, action);
		if (earlier.isPresent()) {
			this.findings.settle(runId, action, earlier.get(), "settled before a restart (journal)");
			return;
		}
		LiveAccount live = this.admin.live(List.of(action.phid())).get(action.phid());
		Applier.Settled settled = this.applier.apply(runId, action, live);
		this.findings.settle(runId, action, settled.status(), settled.reason());
		if (settled.stops()) {
			throw new ApplyStoppedException(runId, action, settled.reason(),
					contribution.getStepExecution().getWriteCount());
		}
		contribution.incrementWriteCount(1);
	}

	/** Applying stopped at a failure; the run can be restarted from here. */
	static final class ApplyStoppedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ApplyStoppedException(String runId, Action action, String reason, long applied) {
			super("applying stopped at " + action.type() + " @" + action.username() + ": " + reason + ". " + applied
					+ " actions were applied before it, each journalled; nothing after it was tried. Once Phorge "
					+ "answers again, 'idsync run --restart " + runId + "' (or 'idsync apply' of the same plan) applies "
					+ "the rest, none twice");
		}

	}

}
