package dev.idsync.remediate;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.LiveAccount;

/**
 * The port to idsync's journal of actions: an intent is durable before the write it announces is made, and its
 * outcome after, so that a crash at any point leaves a journal the next run can settle against live state.
 */
public interface Journal {

	/**
	 * Records, durably, that an action is about to be applied.
	 * @param runId the run applying it
	 * @param action the action
	 * @param before the account just before
	 * @param undoes the entry this action reverses ({@code idsync undo}), or {@code null}
	 * @return the entry's id
	 */
	long intent(String runId, Action action, LiveAccount before, @Nullable Long undoes);

	/**
	 * Records, durably, what became of an intent (and, for an applied disable or enable, idsync's provenance).
	 * @param entry the intent's id
	 * @param status {@link ActionStatus#APPLIED} or {@link ActionStatus#FAILED}
	 * @param after the account just after, when it could be read
	 * @param detail how it went, in one sentence
	 */
	void outcome(long entry, ActionStatus status, @Nullable LiveAccount after, String detail);

	/** Records an action that was not applied because its precondition no longer held. */
	void skipped(String runId, Action action, @Nullable LiveAccount now, String reason, @Nullable Long undoes);

	/** Every intent without an outcome: what a crash interrupted. */
	List<Entry> pending();

	/** The outcome already recorded for this action in this run ({@code APPLIED} or {@code SKIPPED}), if any. */
	Optional<ActionStatus> settled(String runId, Action action);

	/**
	 * One journal entry.
	 *
	 * @param id its id
	 * @param runId the run that made it
	 * @param action the action
	 * @param undoes the entry it reverses, or {@code null}
	 */
	record Entry(long id, String runId, Action action, @Nullable Long undoes) {
	}

}
