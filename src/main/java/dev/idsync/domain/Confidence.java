package dev.idsync.domain;

/**
 * How strongly a correlation ties an identity to an account.
 */
public enum Confidence {

	/** Strong evidence (an email address both sides know): safe to act on. */
	HIGH,

	/** A naming convention (username rule): reported, acted on only where configured. */
	MEDIUM,

	/** A guess (a real name): only ever proposed. */
	LOW

}
