package dev.idsync.domain;

/**
 * What idsync can do about a finding.
 */
public enum ActionType {

	/** Disable the Phorge account ({@code user.edit disabled=true}); reversible. */
	DISABLE,

	/** Approve the Phorge account ({@code user.edit approved=true}). */
	APPROVE,

	/** Change nothing; ask a human to look (the report lists these). */
	FLAG_FOR_REVIEW

}
