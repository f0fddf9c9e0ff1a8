package dev.idsync.sim.phorge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of Phorge's {@code phabricator_user.user_externalaccount} table with its
 * {@code user_externalaccountidentifier} rows: an identity at a sign-in provider, linked to an account or not. The
 * obsolete {@code accountType} and {@code accountDomain} columns are still written (from the provider) and
 * {@code accountID} is {@code ''}, as Phorge does since T13493.
 *
 * @param phid the {@code PHID-XUSR-…} identifier
 * @param userPhid the linked account, or {@code null} once unlinked (unlinking keeps the row and its identifiers)
 * @param provider the provider configuration it belongs to
 * @param username the provider's account name (Google: the email's local part; LDAP: the username attribute)
 * @param realName the provider's display name
 * @param email the provider's email address
 * @param emailVerified whether the provider vouched for the address
 * @param dateCreated epoch seconds
 * @param identifiers the raw identifiers (Google: {@code id(<account id>)} and the email; LDAP: the username
 * attribute's value), each stored with its {@code PhabricatorHash::digestForIndex()}
 */
public record PhorgeExternalAccount(String phid, @Nullable String userPhid, PhorgeAuthProvider provider,
		@Nullable String username, @Nullable String realName, @Nullable String email, boolean emailVerified,
		long dateCreated, List<String> identifiers) {

	public PhorgeExternalAccount {
		identifiers = List.copyOf(identifiers);
	}

	/** Whether the account is linked to a Phorge account. */
	public boolean linked() {
		return this.userPhid != null;
	}

}
