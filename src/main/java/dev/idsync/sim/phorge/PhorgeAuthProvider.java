package dev.idsync.sim.phorge;

/**
 * One row of Phorge's {@code phabricator_auth.auth_providerconfig} table: a configured sign-in provider, enabled for
 * login, linking and unlinking.
 *
 * @param phid the {@code PHID-AUTH-…} identifier
 * @param providerClass the PHP class, e.g. {@code PhabricatorGoogleAuthProvider}
 * @param type {@code providerType}, e.g. {@code google}, {@code ldap}, {@code password}
 * @param domain {@code providerDomain}, e.g. {@code google.com} or {@code self}
 * @param allowRegistration {@code shouldAllowRegistration}
 * @param trustEmails {@code shouldTrustEmails}
 * @param properties the provider's settings as Phorge stores them (JSON)
 * @param dateCreated epoch seconds
 */
public record PhorgeAuthProvider(String phid, String providerClass, String type, String domain,
		boolean allowRegistration, boolean trustEmails, String properties, long dateCreated) {
}
