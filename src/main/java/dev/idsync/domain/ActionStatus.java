package dev.idsync.domain;

/**
 * What became of a planned action in a run: stable codes that reports and plans carry.
 */
public enum ActionStatus {

	/** A flag for a human: idsync changes nothing. */
	FOR_REVIEW(false),

	/** Never acted on: idsync's own bot, or a Phorge administrator while admins are not allowed. */
	NEVER_TOUCHED(false),

	/** Held back by a grace period (a recent leaver, a new account, an orphan seen in too few runs). */
	HELD_GRACE(false),

	/** Held back by a safety gate of the run (incomplete sources, blast radius, first run). */
	HELD_GATE(false),

	/** Report mode or a dry run: apply mode would apply it now. */
	WOULD_APPLY(false),

	/** In a written plan, to be applied by {@code idsync apply}. */
	PLANNED(false),

	/** Being applied by this run (its journal says how far it got). */
	PENDING(false),

	/** Applied: the journal holds the state before and after. */
	APPLIED(true),

	/** Not applied: its precondition no longer held when idsync was about to apply it. */
	SKIPPED(true),

	/** The write failed; the journal says why. */
	FAILED(true),

	/** idsync may not do it itself (e.g. revoking tokens without write access to Phorge's database): the reason says how. */
	MANUAL(false);

	private final boolean settled;

	ActionStatus(boolean settled) {
		this.settled = settled;
	}

	/** Whether an apply has settled the action (applied, skipped or failed). */
	public boolean settled() {
		return this.settled;
	}

}
