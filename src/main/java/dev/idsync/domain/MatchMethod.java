package dev.idsync.domain;

/**
 * How an identity was tied to an account, strongest first.
 */
public enum MatchMethod {

	/** An email address of the identity is an address of the account (Conduit {@code user.query}). */
	EMAIL(Confidence.HIGH),

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
