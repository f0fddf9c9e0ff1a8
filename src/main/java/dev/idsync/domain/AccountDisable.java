package dev.idsync.domain;

/**
 * One change of an account's disabled state as Phorge records it ({@code phabricator_user.user_transaction} of type
 * {@code user.disable}): who disabled or enabled the account, and when. Phorge writes one for every effective
 * disable or enable, from the web, {@code bin/} scripts or Conduit alike; disables from before Phorge recorded them as
 * transactions (2018) have none.
 *
 * @param phid the account
 * @param authorPhid who disabled or enabled it (a user, or an application PHID for Phorge's own actions)
 * @param disabled {@code true} for a disable, {@code false} for an enable
 * @param epochSecond when
 */
public record AccountDisable(String phid, String authorPhid, boolean disabled, long epochSecond) {
}
