package dev.idsync.domain;

import org.jspecify.annotations.Nullable;

/**
 * An account as it is at the moment an action is applied or undone, read from Phorge just before.
 *
 * @param phid the account
 * @param username its username
 * @param disabled whether it is disabled
 * @param approved whether it is approved
 * @param disabledByIdsync whether idsync's journal says idsync disabled it (and nobody enabled it since)
 * @param liveTokens how many live API tokens it holds, or {@code null} when idsync cannot read Phorge's database
 * @param admin whether it is a Phorge administrator
 */
public record LiveAccount(String phid, String username, boolean disabled, boolean approved,
		boolean disabledByIdsync, @Nullable Integer liveTokens, boolean admin) {

	/** The state in a few words, as the journal records it before and after an action. */
	public String describe() {
		return (this.disabled ? "disabled" : "enabled") + ", " + (this.approved ? "approved" : "not approved")
				+ ((this.liveTokens != null) ? ", " + this.liveTokens + " live API tokens" : "");
	}

}
