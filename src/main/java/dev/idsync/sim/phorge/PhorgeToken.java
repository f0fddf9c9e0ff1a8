package dev.idsync.sim.phorge;

import org.jspecify.annotations.Nullable;

/**
 * One row of Phorge's {@code phabricator_conduit.conduit_token} table.
 *
 * @param objectPhid the owning user
 * @param type {@code api}, {@code cli} or {@code clr}
 * @param token the 32-character secret
 * @param expires epoch seconds, or {@code null} for never
 * @param dateCreated epoch seconds
 * @param name the token's display name
 */
public record PhorgeToken(String objectPhid, String type, String token, @Nullable Long expires, long dateCreated,
		String name) {

	/** Whether Phorge treats the token as expired at {@code now} (epoch seconds). */
	public boolean expiredAt(long now) {
		return this.expires != null && this.expires <= now;
	}

	@Override
	public String toString() {
		return "PhorgeToken[objectPhid=" + this.objectPhid + ", type=" + this.type + ", name=" + this.name + "]";
	}

}
