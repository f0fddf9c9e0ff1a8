package dev.idsync.domain;

/**
 * How an identity was tied to an account, strongest first.
 */
public enum MatchMethod {

	/**
	 * An email address of the identity is an address of the account: a verified one in Phorge's database, or any
	 * one Conduit's {@code user.query} finds (it cannot tell verified from unverified addresses).
	 */
	EMAIL(Confidence.HIGH),

	/**
	 * An email address of the identity is an address the account added but never verified (Phorge's database): anyone
	 * can add any address to their own account, so this alone is not enough to act on.
	 */
	UNVERIFIED_EMAIL(Confidence.MEDIUM),

	/** The account's username equals the local part of the identity's primary email. */
	USERNAME(Confidence.MEDIUM);

	private final Confidence confidence;

	MatchMethod(Confidence confidence) {
		this.confidence = confidence;
	}

	/** The confidence this kind of evidence carries. */
	public Confidence confidence() {
		return this.confidence;
	}

}
