package dev.idsync.domain;

import org.jspecify.annotations.Nullable;

/**
 * An action as a run recorded it.
 *
 * @param action the action
 * @param status what became of it
 * @param reason why it has that status (the grace period, the gate, the skipped precondition, the failure), or
 * {@code null} when the status says it all
 */
public record PlannedAction(Action action, ActionStatus status, @Nullable String reason) {
}
