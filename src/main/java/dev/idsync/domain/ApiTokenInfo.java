package dev.idsync.domain;

import org.jspecify.annotations.Nullable;

/**
 * A Conduit API token as Phorge's database lists it ({@code phabricator_conduit.conduit_token}), without its value:
 * idsync never reads a token's secret outside the rotation path.
 *
 * @param id the row id
 * @param ownerPhid the account the token acts as
 * @param type {@code api} (standard, never expires), {@code cli} (command line) or {@code clr} (cluster)
 * @param name the token's name
 * @param createdEpochSecond when it was created
 * @param expiresEpochSecond when it expires or was terminated, or {@code null} for never
 */
public record ApiTokenInfo(long id, String ownerPhid, String type, String name, long createdEpochSecond,
		@Nullable Long expiresEpochSecond) {

	/** Whether Phorge still accepts the token at {@code nowEpochSecond} (its owner permitting). */
	public boolean liveAt(long nowEpochSecond) {
		return this.expiresEpochSecond == null || this.expiresEpochSecond > nowEpochSecond;
	}

}
