package dev.idsync.domain;

/**
 * What Phorge's database says about an account's sign-in security that Conduit shows only to administrators.
 *
 * @param phid the account
 * @param mfa whether the account is enrolled in multi-factor authentication ({@code isEnrolledInMultiFactor})
 */
public record AccountSecurity(String phid, boolean mfa) {
}
