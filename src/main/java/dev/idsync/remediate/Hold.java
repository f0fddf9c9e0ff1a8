package dev.idsync.remediate;

import dev.idsync.domain.ActionStatus;

/**
 * Why one action is not applied now, whatever the run's gates say.
 *
 * @param status {@link ActionStatus#FOR_REVIEW}, {@link ActionStatus#NEVER_TOUCHED}, {@link ActionStatus#HELD_GRACE}
 * or {@link ActionStatus#MANUAL}
 * @param reason the reason in one sentence
 */
public record Hold(ActionStatus status, String reason) {
}
