package dev.idsync.domain;

/**
 * How an identity was tied to an account, strongest evidence first: correlation uses the strongest method that ties
 * anything, and an admin's manual mapping settles what weaker evidence disputes.
 */
public enum MatchMethod {

	/** An admin's manual mapping ({@code idsync.reconcile.mappings-file} or the mapping table), with who and why. */
	MANUAL(Confidence.HIGH),

	/** A durable link made by an earlier run: the identity's immutable IdP id and the account's PHID. */
	LINK(Confidence.HIGH),

	/**
	 * An external account linked in Phorge (its database): a Google account id {@code id(<id>)} equal to the person's
	 * Google id, or an LDAP uid equal to the local part of the person's Okta login.
	 */
	EXTERNAL_ID(Confidence.HIGH),

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

	/** The account's username is the one the configured username rule derives for the person. */
	USERNAME(Confidence.MEDIUM),

	/** The account's real name equals the person's name: only ever proposed. */
	REAL_NAME(Confidence.LOW);

	private final Confidence confidence;

	MatchMethod(Confidence confidence) {
		this.confidence = confidence;
	}

	/** The confidence this kind of evidence carries. */
	public Confidence confidence() {
		return this.confidence;
	}

}
