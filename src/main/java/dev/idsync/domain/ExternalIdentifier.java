package dev.idsync.domain;

/**
 * One identifier of an external account linked to a Phorge account, from Phorge's database
 * ({@code user_externalaccount}, {@code user_externalaccountidentifier} and {@code auth_providerconfig}): a Google
 * link carries {@code id(<Google account id>)} and the email address, an LDAP link the configured username attribute.
 *
 * @param phid the Phorge account the external account is linked to
 * @param externalAccountPhid the external account ({@code PHID-XUSR-…})
 * @param providerType the provider's type, e.g. {@code google}, {@code ldap}, {@code password}
 * @param providerDomain the provider's domain, e.g. {@code google.com}, {@code self}
 * @param identifier the raw identifier, e.g. {@code id(104275981234567890123)} or {@code carol}
 */
public record ExternalIdentifier(String phid, String externalAccountPhid, String providerType, String providerDomain,
		String identifier) {
}
