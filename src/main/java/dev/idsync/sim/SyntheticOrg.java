package dev.idsync.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.idsync.sim.google.GoogleSimCustomer;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimOrg;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeAuthProvider;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * A generated organisation: what each simulated service holds, the credentials idsync uses, and the planted truth.
 * The truth assumes idsync is configured as {@link Simulator#writeConfig} writes it (entitlement by the Phorge groups,
 * username hints from {@link #USERNAME_ATTRIBUTE}).
 *
 * @param okta the Okta org (users, the Phorge group and app, the OAuth service app)
 * @param oktaPrivateKeyPem the service app's private key (PKCS#8 PEM)
 * @param google the Google Workspace customer (users, the Phorge group, the service account)
 * @param googlePrivateKeyPem the service account's private key (PKCS#8 PEM)
 * @param phorgeUsers Phorge's accounts (some enrolled in MFA, which the job's findings do not depend on)
 * @param phorgeEmails their email addresses
 * @param phorgeTokens their Conduit tokens
 * @param disablers PHIDs granted "Can Disable Users" besides the administrators (idsync's own bot)
 * @param botOwners each registered bot's owner (username to the owner's email), as idsync is configured
 * @param conduitToken idsync's own bot's Conduit token
 * @param truth every finding the job should report
 * @param phorgeAuthProviders Phorge's configured sign-in providers (passwords, Google, LDAP)
 * @param phorgeExternalAccounts the external accounts at those providers, linked to accounts or not; only Phorge's
 * database shows them, and the job's findings do not depend on them
 */
public record SyntheticOrg(OktaSimOrg okta, String oktaPrivateKeyPem, GoogleSimCustomer google,
		String googlePrivateKeyPem, List<PhorgeUser> phorgeUsers, List<PhorgeEmail> phorgeEmails,
		List<PhorgeToken> phorgeTokens, Set<String> disablers, Map<String, String> botOwners, String conduitToken,
		List<TruthEntry> truth, List<PhorgeAuthProvider> phorgeAuthProviders,
		List<PhorgeExternalAccount> phorgeExternalAccounts) {

	/** The Okta group whose members are entitled to Phorge. */
	public static final String OKTA_GROUP = "phorge-users";

	/** The Okta application assigned to Phorge's users. */
	public static final String OKTA_APP = "Phorge";

	/** The Google group whose members are entitled to Phorge. */
	public static final String GOOGLE_GROUP = "phorge@example.com";

	/** The custom Okta profile attribute holding some people's Phorge username. */
	public static final String USERNAME_ATTRIBUTE = "phabricatorUsername";

	/** The Okta org's users. */
	public List<OktaSimUser> oktaUsers() {
		return this.okta.users();
	}

	/** The SSWS token the Okta simulator accepts. */
	public String oktaToken() {
		return this.okta.apiToken();
	}

	/** The Google customer's users. */
	public List<GoogleSimUser> googleUsers() {
		return this.google.users();
	}

	/** A ready access token the Google simulator accepts. */
	public String googleToken() {
		return this.google.accessToken();
	}

	@Override
	public String toString() {
		return "SyntheticOrg[okta=" + oktaUsers().size() + ", google=" + googleUsers().size() + ", phorge="
				+ this.phorgeUsers.size() + ", truth=" + this.truth.size() + "]";
	}

}
