package dev.idsync.domain;

/**
 * The stable codes of idsync's findings. Every Phorge account gets exactly one account-state code per run; identities
 * without an account may get {@link #JOINER_NO_ACCOUNT}. The codes are part of the report format: never rename one.
 */
public enum Category {

	/** A human account linked to an identity whose state agrees with it, or a bot whose owner is active. */
	LINKED_OK(Severity.OK, "linked, and consistent with the identity"),

	/** The identity is inactive (suspended, deprovisioned) in every source that knows it; the account is enabled. */
	LEAVER_ACTIVE(Severity.DRIFT, "inactive in the identity sources but enabled in Phorge"),

	/** An enabled human account that no identity claims. */
	ORPHAN(Severity.DRIFT, "enabled human account that no identity claims"),

	/** The identity is active but outside Phorge's entitlement (group or app assignment); the account is enabled. */
	NOT_ENTITLED(Severity.DRIFT, "active identity no longer entitled to Phorge, with an enabled account"),

	/** Two or more identities claim the account, or its identity claims two or more accounts. */
	DISPUTED(Severity.DRIFT, "claimed by two or more identities, or its identity claims two or more accounts"),

	/** The account of an active person still awaits an administrator's approval. */
	PENDING_APPROVAL(Severity.DRIFT, "unapproved account of an active person"),

	/** The identity is active but the account was disabled outside idsync; idsync only re-enables what it disabled. */
	LINKED_DISABLED(Severity.DRIFT, "active person whose account was disabled outside idsync"),

	/** A bot without a configured owner. */
	BOT_NO_OWNER(Severity.DRIFT, "bot without a configured owner"),

	/** A bot whose configured owner is inactive or unknown to every identity source. */
	BOT_OWNER_LEFT(Severity.DRIFT, "bot whose owner is no longer active"),

	/** A mailing list: never a person, never an orphan. */
	MAILING_LIST(Severity.OK, "mailing list, never a person"),

	/** A disabled human account that no identity claims: already safe. */
	UNLINKED_DISABLED(Severity.OK, "disabled account that no identity claims"),

	/** An active, entitled identity without a Phorge account. */
	JOINER_NO_ACCOUNT(Severity.INFO, "active, entitled identity without a Phorge account"),

	/** The sources disagree about a person (active in one, suspended in another): reported, never silently chosen. */
	SOURCE_CONFLICT(Severity.DRIFT, "identity sources disagree about the person's state"),

	/**
	 * A leaver, orphan, no-longer-entitled or joiner that cannot be concluded because a source was incomplete: no
	 * action is ever taken on it.
	 */
	UNVERIFIED(Severity.INFO, "cannot be concluded: a source was read incompletely");

	private final Severity severity;

	private final String description;

	Category(Severity severity, String description) {
		this.severity = severity;
		this.description = description;
	}

	/** How much the finding asks of an admin. */
	public Severity severity() {
		return this.severity;
	}

	/** One line for reports and {@code --help}. */
	public String description() {
		return this.description;
	}

}
