package dev.idsync.sim;

/**
 * Which identity providers know a person.
 */
enum Presence {

	OKTA, GOOGLE, BOTH;

	/** A spread of about 70% Okta only, 15% Google only and 15% both, cycling with {@code i}. */
	static Presence pick(int i) {
		return switch (i % 7) {
			case 5 -> GOOGLE;
			case 6 -> BOTH;
			default -> OKTA;
		};
	}

	boolean hasOkta() {
		return this != GOOGLE;
	}

	boolean hasGoogle() {
		return this != OKTA;
	}

}
