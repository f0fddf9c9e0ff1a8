package dev.idsync.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.LiveAccount;

/**
 * Applies actions one at a time: re-checks each precondition against live state, then the write guard against the
 * rules as they stand now ({@link WriteRules}), journals the intent, writes, journals the outcome. After a crash it
 * settles the intents left without outcome against live state first, so that no action is applied twice and none is
 * lost. Every write to Phorge that idsync makes for an action, an undo or a revocation passes here.
 */
public final class Applier {

	private final AccountAdmin admin;

	private final Journal journal;

	private final Pacer pacer;

	private final CurrentRules rules;

	/**
	 * An applier.
	 * @param admin the writes to Phorge
	 * @param journal the journal
	 * @param pacer the pace of the writes
	 * @param rules the rules each write is checked against at the last moment
	 */
	public Applier(AccountAdmin admin, Journal journal, Pacer pacer, CurrentRules rules) {
		this.admin = admin;
		this.journal = journal;
		this.pacer = pacer;
		this.rules = rules;
	}

	/**
	 * Settles every intent a crash left without outcome: applied when live state shows its effect, failed (so that
	 * its run applies it again) when it does not.
	 * @return each settled intent
	 */
	public List<Settled> recover() {
		List<Settled> settled = new ArrayList<>();
		for (Journal.Entry entry : this.journal.pending()) {
			LiveAccount now = this.admin.live(List.of(entry.action().phid())).get(entry.action().phid());
			boolean applied = now != null && (entry.undoes() == null ? effect(entry.action().type(), now)
					: !effect(entry.action().type(), now));
			ActionStatus status = applied ? ActionStatus.APPLIED : ActionStatus.FAILED;
			String detail = applied ? "recovered: the write had taken effect before idsync stopped"
					: "recovered: the write had not taken effect before idsync stopped; it is applied again";
			this.journal.outcome(entry.id(), status, now, detail);
			settled.add(new Settled(entry.runId(), entry.action(), status, detail));
		}
		return settled;
	}

	/**
	 * Applies one action unless its precondition no longer holds.
	 * @param runId the run applying it
	 * @param action the action
	 * @param live the account as it is now, or {@code null} when it no longer exists
	 * @return what became of it: {@link ActionStatus#FAILED} (or {@link ActionStatus#PENDING} when even reading the
	 * account back failed) means the caller must stop
	 */
	public Settled apply(String runId, Action action, @Nullable LiveAccount live) {
		if (live == null || !action.precondition().holds(live)) {
			String reason = (live == null) ? "the account no longer exists"
					: "precondition no longer holds (" + action.precondition().text() + "): the account is "
							+ live.describe() + " now";
			this.journal.skipped(runId, action, live, reason, null);
			return new Settled(runId, action, ActionStatus.SKIPPED, reason);
		}
		return write(runId, action, live, null, false);
	}

	/**
	 * Reverses an applied action when its target is still as idsync left it.
	 * @param runId the undo's run
	 * @param original the applied entry
	 * @param live the account as it is now, or {@code null} when it no longer exists
	 * @return what became of the reversal
	 */
	public Settled undo(String runId, Journal.Entry original, @Nullable LiveAccount live) {
		Action action = original.action();
		if (live == null || !effect(action.type(), live) || action.type() == ActionType.REVOKE_TOKENS) {
			String reason = (live == null) ? "the account no longer exists"
					: (action.type() == ActionType.REVOKE_TOKENS) ? "terminated tokens cannot be revived"
							: "changed since idsync acted: the account is " + live.describe() + " now";
			this.journal.skipped(runId, action, live, reason, original.id());
			return new Settled(runId, action, ActionStatus.SKIPPED, reason);
		}
		return write(runId, action, live, original.id(), true);
	}

	private Settled write(String runId, Action action, LiveAccount before, @Nullable Long undoes, boolean reverse) {
		Optional<String> refused = this.rules.now().refusal(before);
		if (refused.isPresent()) {
			String reason = "refused by the write guard: " + refused.get();
			this.journal.skipped(runId, action, before, reason, undoes);
			return new Settled(runId, action, ActionStatus.SKIPPED, reason);
		}
		this.pacer.await();
		long entry = this.journal.intent(runId, action, before, undoes);
		try {
			LiveAccount after = change(action, reverse);
			this.journal.outcome(entry, ActionStatus.APPLIED, after, reverse ? "reversed" : "applied");
			return new Settled(runId, action, ActionStatus.APPLIED, reverse ? "reversed" : "applied");
		}
		catch (RuntimeException ex) {
			return afterFailure(runId, action, entry, reverse, ex);
		}
	}

	/** A failed write may still have taken effect (its answer lost): the account read back tells. */
	private Settled afterFailure(String runId, Action action, long entry, boolean reverse, RuntimeException failure) {
		LiveAccount now;
		try {
			now = this.admin.live(List.of(action.phid())).get(action.phid());
		}
		catch (RuntimeException unreadable) {
			return new Settled(runId, action, ActionStatus.PENDING, "unknown: " + failure.getMessage()
					+ "; reading the account back failed too (" + unreadable.getMessage() + "); the next run settles it");
		}
		boolean took = now != null && (reverse != effect(action.type(), now));
		if (took) {
			String detail = "applied (confirmed by reading the account back after: " + failure.getMessage() + ")";
			this.journal.outcome(entry, ActionStatus.APPLIED, now, detail);
			return new Settled(runId, action, ActionStatus.APPLIED, detail);
		}
		this.journal.outcome(entry, ActionStatus.FAILED, now, String.valueOf(failure.getMessage()));
		return new Settled(runId, action, ActionStatus.FAILED, String.valueOf(failure.getMessage()));
	}

	private LiveAccount change(Action action, boolean reverse) {
		return switch (action.type()) {
			case DISABLE -> this.admin.setDisabled(action.phid(), !reverse);
			case ENABLE -> this.admin.setDisabled(action.phid(), reverse);
			case APPROVE -> this.admin.setApproved(action.phid(), !reverse);
			case REVOKE_TOKENS -> this.admin.revokeTokens(action.phid());
			case FLAG_FOR_REVIEW -> throw new IllegalArgumentException("a flag for review changes nothing");
		};
	}

	/** Whether the account shows the effect of an action of this type. */
	static boolean effect(ActionType type, LiveAccount account) {
		return switch (type) {
			case DISABLE -> account.disabled();
			case ENABLE -> !account.disabled();
			case APPROVE -> account.approved();
			case REVOKE_TOKENS -> account.liveTokens() != null && account.liveTokens() == 0;
			case FLAG_FOR_REVIEW -> false;
		};
	}

	/**
	 * What became of one action.
	 *
	 * @param runId the run
	 * @param action the action
	 * @param status {@link ActionStatus#APPLIED}, {@link ActionStatus#SKIPPED}, {@link ActionStatus#FAILED}, or
	 * {@link ActionStatus#PENDING} when it is unknown
	 * @param reason in one sentence
	 */
	public record Settled(String runId, Action action, ActionStatus status, String reason) {

		/** Whether the caller must stop applying: Phorge failed or could not be read. */
		public boolean stops() {
			return this.status == ActionStatus.FAILED || this.status == ActionStatus.PENDING;
		}

	}

}
