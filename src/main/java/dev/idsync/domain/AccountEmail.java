package dev.idsync.domain;

/**
 * One email address of a Phorge account, from Phorge's database ({@code phabricator_user.user_email}): Conduit
 * exposes no addresses at all.
 *
 * @param phid the account
 * @param address the address as stored (letter case preserved; unique case-insensitively across Phorge)
 * @param verified whether the owner proved they receive mail there
 * @param primary whether it is the account's primary address
 */
public record AccountEmail(String phid, String address, boolean verified, boolean primary) {
}
