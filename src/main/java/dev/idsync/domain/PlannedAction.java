package dev.idsync.domain;

/**
 * An action as a run recorded it.
 *
 * @param action the action
 * @param status what became of it, e.g. {@code NOT_APPLIED_DRY_RUN}
 */
public record PlannedAction(Action action, String status) {
}
