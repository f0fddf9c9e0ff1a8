package dev.idsync.domain;

/**
 * The state of its target an action relies on: checked against live state just before the action is applied, and
 * again by {@code idsync apply} for a written plan. An action whose precondition no longer holds is skipped.
 */
public enum Precondition {

	/** The account is enabled (a disable). */
	ENABLED("account is enabled"),

	/** The account is disabled, and idsync's journal says idsync disabled it (a re-enable). */
	DISABLED_BY_IDSYNC("account is disabled, and idsync disabled it"),

	/** The account is enabled and not yet approved (an approval). */
	NOT_APPROVED("account is enabled and not approved"),

	/** The account is disabled and holds live API tokens (a revocation). */
	DISABLED_WITH_TOKENS("account is disabled and holds live API tokens"),

	/** Nothing is changed: a human decides. */
	NONE("none: a human decides");

	private final String text;

	Precondition(String text) {
		this.text = text;
	}

	/** The precondition in words, as reports show it. */
	public String text() {
		return this.text;
	}

	/** Whether the precondition holds for the account as it is now. */
	public boolean holds(LiveAccount live) {
		return switch (this) {
			case ENABLED -> !live.disabled();
			case DISABLED_BY_IDSYNC -> live.disabled() && live.disabledByIdsync();
			case NOT_APPROVED -> !live.disabled() && !live.approved();
			case DISABLED_WITH_TOKENS -> live.disabled() && (live.liveTokens() == null || live.liveTokens() > 0);
			case NONE -> true;
		};
	}

}
