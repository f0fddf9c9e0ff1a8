package dev.idsync.sim;

import java.time.Instant;
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
import dev.idsync.sim.phorge.PhorgeUserTransaction;

/**
 * A generated organisation: what each simulated service holds, the credentials idsync uses, and the planted truth.
 * The truth assumes idsync is configured as {@link Simulator#writeConfig} writes it (entitlement by the Phorge groups,
 * admins by {@link #OKTA_ADMIN_GROUP}, username hints from {@link #USERNAME_ATTRIBUTE}, the {@link #reconcile}
 * settings, the default token age of 365 days).
 *
 * @param okta the Okta org (users, the Phorge group and app, the OAuth service app)
 * @param oktaPrivateKeyPem the service app's private key (PKCS#8 PEM)
 * @param google the Google Workspace customer (users, the Phorge group, the service account)
 * @param googlePrivateKeyPem the service account's private key (PKCS#8 PEM)
 * @param phorgeUsers Phorge's accounts (some enrolled in MFA, which the job's findings do not depend on)
 * @param phorgeEmails their email addresses
 * @param phorgeTokens their Conduit tokens, dated as if the simulator started at the generator's fixed "now" (see
 * {@link #phorgeTokensAt})
 * @param disablers PHIDs granted "Can Disable Users" besides the administrators (idsync's own bot)
 * @param botOwners each registered bot's owner (username to the owner's email), as idsync is configured
 * @param conduitToken idsync's own bot's Conduit token
 * @param truth every finding the job should report, each with the way of reading Phorge it needs (see
 * {@link #truth(PhorgeAccess)})
 * @param phorgeAuthProviders Phorge's configured sign-in providers (passwords, Google, LDAP)
 * @param phorgeExternalAccounts the external accounts at those providers, linked to accounts or not; only Phorge's
 * database shows them
 * @param phorgeTransactions Phorge's {@code user_transaction} rows: who disabled each disabled account
 * @param reconcile the reconciliation settings the truth assumes
 * @param departures the Okta ids of the people who leave as the simulator starts (a {@link Scenario} mass departure),
 * planted as leaving at the generator's fixed "now" (see {@link #oktaAt})
 */
public record SyntheticOrg(OktaSimOrg okta, String oktaPrivateKeyPem, GoogleSimCustomer google,
		String googlePrivateKeyPem, List<PhorgeUser> phorgeUsers, List<PhorgeEmail> phorgeEmails,
		List<PhorgeToken> phorgeTokens, Set<String> disablers, Map<String, String> botOwners, String conduitToken,
		List<TruthEntry> truth, List<PhorgeAuthProvider> phorgeAuthProviders,
		List<PhorgeExternalAccount> phorgeExternalAccounts, List<PhorgeUserTransaction> phorgeTransactions,
		ReconcileSettings reconcile, Set<String> departures) {

	/** The Okta group whose members are entitled to Phorge. */
	public static final String OKTA_GROUP = "phorge-users";

	/** The Okta application assigned to Phorge's users. */
	public static final String OKTA_APP = "Phorge";

	/** The Okta group whose members may be Phorge administrators ({@code idsync.okta.admin-groups}). */
	public static final String OKTA_ADMIN_GROUP = "phorge-admins";

	/** The Google group whose members are entitled to Phorge. */
	public static final String GOOGLE_GROUP = "phorge@example.com";

	/** The custom Okta profile attribute holding some people's Phorge username. */
	public static final String USERNAME_ATTRIBUTE = "phabricatorUsername";

	/**
	 * The findings the job should report when it reads Phorge as {@code access} says: those it reports either way and
	 * those that need exactly that way.
	 */
	public List<TruthEntry> truth(PhorgeAccess access) {
		return this.truth.stream().filter((entry) -> entry.expectedWith(access)).toList();
	}

	/**
	 * The Conduit tokens dated for a simulator that starts at {@code start}: each as old, and each termination as
	 * long ago, relative to {@code start} as the generator planted them relative to its fixed "now". The job judges
	 * ages by the real clock, so only this keeps a fresh token fresh and a stale one stale on any day.
	 */
	public List<PhorgeToken> phorgeTokensAt(Instant start) {
		long shift = start.getEpochSecond() - OrgGenerator.EPOCH;
		return this.phorgeTokens.stream()
			.map((token) -> new PhorgeToken(token.objectPhid(), token.type(), token.token(),
					(token.expires() != null) ? token.expires() + shift : null, token.dateCreated() + shift,
					token.name()))
			.toList();
	}

	/**
	 * The Okta org for a simulator that starts at {@code start}: whoever leaves in a mass departure has left at
	 * {@code start} (their {@code statusChanged}), so that the departure is as recent on any day.
	 */
	public OktaSimOrg oktaAt(Instant start) {
		if (this.departures.isEmpty()) {
			return this.okta;
		}
		List<OktaSimUser> users = this.okta.users().stream()
			.map((user) -> this.departures.contains(user.id()) ? new OktaSimUser(user.id(), user.status(),
					user.created(), user.activated(), start, user.lastLogin(), start, user.login(), user.email(),
					user.secondEmail(), user.firstName(), user.lastName(), user.customAttributes()) : user)
			.toList();
		return new OktaSimOrg(users, this.okta.groups(), this.okta.apps(), this.okta.apiToken(), this.okta.client());
	}

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
				+ this.phorgeUsers.size() + ", truth=" + this.truth.size()
				+ (this.departures.isEmpty() ? "" : ", departing=" + this.departures.size()) + "]";
	}

}
