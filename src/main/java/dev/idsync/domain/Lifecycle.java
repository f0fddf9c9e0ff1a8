package dev.idsync.domain;

/**
 * Where a person stands in an identity provider, on one scale for every source.
 */
public enum Lifecycle {

	/** Created but not yet started (Okta STAGED/PROVISIONED): neither a joiner nor a leaver yet. */
	PENDING,

	/** Working: may hold a Phorge account. */
	ACTIVE,

	/** Temporarily or administratively blocked (Okta SUSPENDED, Google suspended or archived). */
	SUSPENDED,

	/** Gone (Okta DEPROVISIONED, Google deleted). */
	DEPROVISIONED;

	/** Whether the person may hold a working account. */
	public boolean isActive() {
		return this == ACTIVE;
	}

	/** Whether the person has left or is blocked: their accounts should not be usable. */
	public boolean isInactive() {
		return this == SUSPENDED || this == DEPROVISIONED;
	}

	/**
	 * The more active of two states, used when sources disagree: idsync never treats someone as gone while any
	 * source still says they work here.
	 */
	public static Lifecycle mostActive(Lifecycle a, Lifecycle b) {
		return (rank(a) >= rank(b)) ? a : b;
	}

	private static int rank(Lifecycle lifecycle) {
		return switch (lifecycle) {
			case DEPROVISIONED -> 0;
			case SUSPENDED -> 1;
			case PENDING -> 2;
			case ACTIVE -> 3;
		};
	}

}
