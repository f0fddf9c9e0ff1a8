package dev.idsync.domain;

/**
 * What idsync can do about a finding.
 */
public enum ActionType {

	/** Disable the Phorge account ({@code user.edit disabled=true}); reversible. */
	DISABLE,

	/** Re-enable an account idsync itself disabled ({@code user.edit disabled=false}). */
	ENABLE,

	/** Terminate the account's live API tokens (through Phorge's database, as the web UI does). */
	REVOKE_TOKENS,

	/** Approve the Phorge account ({@code user.edit approved=true}). */
	APPROVE,

	/** Change nothing; ask a human to look (the report lists these). */
	FLAG_FOR_REVIEW

}
