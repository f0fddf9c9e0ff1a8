package dev.idsync.domain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Phorge's database adds about an account, in counts: read only when {@code idsync.phorge.database} is set.
 *
 * @param mfa whether the account is enrolled in MFA, or {@code null} when the database did not list it
 * @param liveTokens API tokens Phorge still accepts (disabling an account keeps them; re-enabling revives them)
 * @param addresses email addresses
 * @param unverifiedAddresses of which never verified
 * @param externalAccounts linked external accounts (Google, LDAP, …)
 * @param oldestLiveToken when the oldest live token was created (epoch second), or {@code null} without live tokens
 */
public record AccountDetails(@Nullable Boolean mfa, int liveTokens, int addresses, int unverifiedAddresses,
		int externalAccounts, @Nullable Long oldestLiveToken) {

	/** Details without token dates. */
	public AccountDetails(@Nullable Boolean mfa, int liveTokens, int addresses, int unverifiedAddresses,
			int externalAccounts) {
		this(mfa, liveTokens, addresses, unverifiedAddresses, externalAccounts, null);
	}

	/** One line of evidence, e.g. {@code phorge database: MFA not enrolled; 2 live API tokens; …}. */
	public String describe() {
		List<String> parts = new ArrayList<>();
		parts.add((this.mfa == null) ? "MFA unknown" : this.mfa ? "MFA enrolled" : "MFA not enrolled");
		parts.add(count(this.liveTokens, "live API token", "live API tokens"));
		parts.add(count(this.addresses, "email address", "email addresses")
				+ ((this.unverifiedAddresses > 0) ? " (" + this.unverifiedAddresses + " unverified)" : ""));
		parts.add(count(this.externalAccounts, "linked external account", "linked external accounts"));
		return "phorge database: " + String.join("; ", parts);
	}

	private static String count(int n, String one, String many) {
		return n + " " + ((n == 1) ? one : many);
	}

}
