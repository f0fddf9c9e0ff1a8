package dev.idsync.remediate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Action;
import dev.idsync.domain.FindingHistory;

/**
 * An action with what the grace periods and the never-touch rules look at.
 *
 * @param action the action
 * @param history how long its finding has been reported, or {@code null} before the run compared itself
 * @param inactiveSince when the identity sources say the person became inactive (the latest such change), or
 * {@code null} when they do not say
 * @param accountCreated when the account was created
 * @param admin whether the account is a Phorge administrator
 * @param self whether the account is idsync's own bot
 */
public record ActionContext(Action action, @Nullable FindingHistory history, @Nullable Instant inactiveSince,
		Instant accountCreated, boolean admin, boolean self) {
}
