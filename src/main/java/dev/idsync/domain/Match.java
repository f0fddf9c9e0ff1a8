package dev.idsync.domain;

/**
 * One piece of correlation evidence: an identity and an account tied by some method.
 *
 * @param personKey the person's merge key
 * @param phid the account
 * @param method how they were tied
 * @param detail what tied them (the email address, the username)
 */
public record Match(String personKey, String phid, MatchMethod method, String detail) {
}
