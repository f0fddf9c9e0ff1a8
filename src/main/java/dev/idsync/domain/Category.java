package dev.idsync.domain;

/**
 * The stable codes of idsync's findings. Every Phorge account gets exactly one account-state code per run
 * ({@link #accountState()}), to which token, attribute, privilege and exemption findings may add; identities without an
 * account may get {@link #JOINER_NO_ACCOUNT} or {@link #SOURCE_CONFLICT}. The codes are part of the report format:
 * never rename one.
 */
public enum Category {

	/** A human account linked to an identity whose state agrees with it, or a bot whose owner is active. */
	LINKED_OK(Kind.ACCOUNT_STATE, Severity.OK, "linked, and consistent with the identity"),

	/** The identity is inactive (suspended, deprovisioned) in every source that knows it; the account is enabled. */
	LEAVER_ACTIVE(Kind.ACCOUNT_STATE, Severity.DRIFT, "inactive in the identity sources but enabled in Phorge"),

	/** The identity is active but outside Phorge's entitlement (group or app assignment); the account is enabled. */
	NOT_ENTITLED(Kind.ACCOUNT_STATE, Severity.DRIFT, "active identity no longer entitled to Phorge, with an enabled account"),

	/** An enabled human account that no identity claims. */
	ORPHAN(Kind.ACCOUNT_STATE, Severity.DRIFT, "enabled human account that no identity claims"),

	/**
	 * Two or more identities claim the account, its identity claims two or more accounts, or the evidence contradicts
	 * an earlier link (a changed IdP id, a reused username, an address that moved to another person).
	 */
	DISPUTED(Kind.ACCOUNT_STATE, Severity.DRIFT, "claimed by two or more identities, or contradicting an earlier link"),

	/** Only a low-confidence match (a real name) ties the account to an identity: a human decides. */
	UNLINKED_CANDIDATE(Kind.ACCOUNT_STATE, Severity.DRIFT, "low-confidence match awaiting a human"),

	/** The identity is active and entitled again, and the account is disabled by idsync itself. */
	REENABLE_CANDIDATE(Kind.ACCOUNT_STATE, Severity.DRIFT, "active, entitled person whose account idsync disabled"),

	/** The account of an active, entitled person still awaits an administrator's approval. */
	PENDING_APPROVAL(Kind.ACCOUNT_STATE, Severity.DRIFT, "unapproved account of an active, entitled person"),

	/** The account has a current exemption (owner, reason, expiry): reported, never acted on. */
	EXEMPT(Kind.ACCOUNT_STATE, Severity.INFO, "exempt or protected: reported, never acted on"),

	/** The identity is active but the account was disabled outside idsync; idsync only re-enables what it disabled. */
	LINKED_DISABLED(Kind.ACCOUNT_STATE, Severity.DRIFT, "active person whose account was disabled outside idsync"),

	/** A disabled human account that no identity claims: already safe. */
	UNLINKED_DISABLED(Kind.ACCOUNT_STATE, Severity.OK, "disabled account that no identity claims"),

	/**
	 * A leaver, orphan, no-longer-entitled account or owner-left bot that cannot be concluded because a source was
	 * incomplete: no action is ever taken on it.
	 */
	UNVERIFIED(Kind.ACCOUNT_STATE, Severity.INFO, "cannot be concluded: a source was read incompletely"),

	/** A bot without a configured owner. */
	BOT_NO_OWNER(Kind.ACCOUNT_STATE, Severity.DRIFT, "bot without a configured owner"),

	/** A bot whose configured owner is inactive or unknown to every identity source. */
	BOT_OWNER_LEFT(Kind.ACCOUNT_STATE, Severity.DRIFT, "bot whose owner is no longer active"),

	/** A mailing list: never a person, never an orphan. */
	MAILING_LIST(Kind.ACCOUNT_STATE, Severity.OK, "mailing list, never a person"),

	/** The account's real name differs from its person's name in the identity sources. */
	ATTRIBUTE_DRIFT(Kind.ADDITIONAL, Severity.INFO, "real name differs from the identity's"),

	/**
	 * An enabled Phorge administrator whose person is not in a configured admin group, or who is not enrolled in MFA
	 * (where Phorge's database shows it).
	 */
	PRIVILEGED_DRIFT(Kind.ADDITIONAL, Severity.DRIFT, "administrator outside the admin group, or without MFA"),

	/** A live API token older than the configured maximum age. */
	TOKEN_STALE(Kind.ADDITIONAL, Severity.DRIFT, "live API token older than its maximum age"),

	/** A disabled account that still holds live API tokens: Phorge keeps them on disable and revives them on enable. */
	LEAVER_HAS_TOKENS(Kind.ADDITIONAL, Severity.DRIFT, "disabled account still holding live API tokens"),

	/** An exemption has expired: the account is classified as if it had none, and the owner should renew or drop it. */
	EXEMPTION_EXPIRED(Kind.ADDITIONAL, Severity.DRIFT, "exemption expired"),

	/** An active, entitled identity without a Phorge account. */
	JOINER_NO_ACCOUNT(Kind.IDENTITY, Severity.INFO, "active, entitled identity without a Phorge account"),

	/** The sources disagree about a person (active in one, suspended in another): reported, never silently chosen. */
	SOURCE_CONFLICT(Kind.IDENTITY, Severity.DRIFT, "identity sources disagree about the person's state");

	/** What a finding of the category is about. */
	public enum Kind {

		/** The one state of a Phorge account in a run. */
		ACCOUNT_STATE,

		/** A further finding about an account, beside its state. */
		ADDITIONAL,

		/** A finding about an identity that has no account of its own in the finding. */
		IDENTITY

	}

	private final Kind kind;

	private final Severity severity;

	private final String description;

	Category(Kind kind, Severity severity, String description) {
		this.kind = kind;
		this.severity = severity;
		this.description = description;
	}

	/** What a finding of this category is about. */
	public Kind kind() {
		return this.kind;
	}

	/** Whether this is an account's one state per run. */
	public boolean accountState() {
		return this.kind == Kind.ACCOUNT_STATE;
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
