package dev.idsync.sim;

import java.util.Random;

/**
 * The planted lifecycle of a person, rendered into each provider's own vocabulary.
 */
enum State {

	ACTIVE, PENDING, SUSPENDED, DEPROVISIONED,

	/** Active in Okta but suspended in Google: the merged person is active. */
	SPLIT;

	/** Alternates the two kinds of leaver. */
	static State inactive(int i) {
		return (i % 2 == 0) ? DEPROVISIONED : SUSPENDED;
	}

	String oktaStatus(Random random) {
		return switch (this) {
			case ACTIVE -> switch (random.nextInt(30)) {
				case 0 -> "PASSWORD_EXPIRED";
				case 1 -> "LOCKED_OUT";
				case 2 -> "RECOVERY";
				default -> "ACTIVE";
			};
			case SPLIT -> "ACTIVE";
			case PENDING -> random.nextBoolean() ? "STAGED" : "PROVISIONED";
			case SUSPENDED -> "SUSPENDED";
			case DEPROVISIONED -> "DEPROVISIONED";
		};
	}

	/** Whether the person has left: suspended or deprovisioned everywhere. */
	boolean inactive() {
		return this == SUSPENDED || this == DEPROVISIONED;
	}

	boolean googleSuspended() {
		return this == SUSPENDED || this == SPLIT;
	}

}
