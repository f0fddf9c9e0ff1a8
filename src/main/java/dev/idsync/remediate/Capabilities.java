package dev.idsync.remediate;

/**
 * What idsync's bot may do in Phorge: actions it may not take itself are planned as manual, with the steps.
 *
 * @param canApprove whether the bot is a Phorge administrator (only administrators approve accounts)
 * @param canRevokeTokens whether idsync has write access to Phorge's {@code conduit_token} table
 */
public record Capabilities(boolean canApprove, boolean canRevokeTokens) {

	/** Everything. */
	public static final Capabilities ALL = new Capabilities(true, true);

}
