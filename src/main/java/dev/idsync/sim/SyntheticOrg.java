package dev.idsync.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * A generated organisation: what each simulated service holds, the credentials idsync uses, and the planted truth.
 *
 * @param oktaUsers the Okta org's users
 * @param googleUsers the Google Workspace customer's users
 * @param phorgeUsers Phorge's accounts
 * @param phorgeEmails their email addresses
 * @param phorgeTokens their Conduit tokens
 * @param disablers PHIDs granted "Can Disable Users" besides the administrators (idsync's own bot)
 * @param botOwners each registered bot's owner (username to the owner's email), as idsync is configured
 * @param oktaToken the SSWS token the Okta simulator accepts
 * @param googleToken the bearer token the Google simulator accepts
 * @param conduitToken idsync's own bot's Conduit token
 * @param truth every finding the job should report
 */
public record SyntheticOrg(List<OktaSimUser> oktaUsers, List<GoogleSimUser> googleUsers, List<PhorgeUser> phorgeUsers,
		List<PhorgeEmail> phorgeEmails, List<PhorgeToken> phorgeTokens, Set<String> disablers,
		Map<String, String> botOwners, String oktaToken, String googleToken, String conduitToken,
		List<TruthEntry> truth) {

	@Override
	public String toString() {
		return "SyntheticOrg[okta=" + this.oktaUsers.size() + ", google=" + this.googleUsers.size() + ", phorge="
				+ this.phorgeUsers.size() + ", truth=" + this.truth.size() + "]";
	}

}
