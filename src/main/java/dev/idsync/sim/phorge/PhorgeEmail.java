package dev.idsync.sim.phorge;

/**
 * One row of Phorge's {@code phabricator_user.user_email} table.
 *
 * @param userPhid the owner
 * @param address the address as stored (its case preserved; unique case-insensitively across all users)
 * @param verified {@code isVerified}
 * @param primary {@code isPrimary}
 */
public record PhorgeEmail(String userPhid, String address, boolean verified, boolean primary) {
}
