package dev.idsync.sim;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.idsync.sim.phorge.PhorgeEmail;

/**
 * How a person's Phorge account records their address, which decides how idsync can match it.
 */
enum Style {

	/** The identity's primary email is the account's primary email. */
	PRIMARY,

	/** The same address with different letter case ({@code Anna.Berg@Example.COM}). */
	MIXED_CASE,

	/** An old address is primary; the identity's email is a secondary (sometimes unverified) address. */
	SECONDARY,

	/** The account uses the person's Google alias. */
	ALIAS,

	/** The account uses the person's Okta {@code secondEmail}. */
	OKTA_SECOND,

	/** The account's address is unknown to the providers; only its username equals the email's local part. */
	USERNAME;

	static Style pick(Random random) {
		int roll = random.nextInt(100);
		if (roll < 68) {
			return PRIMARY;
		}
		return (roll < 78) ? MIXED_CASE : (roll < 88) ? SECONDARY : (roll < 95) ? ALIAS : OKTA_SECOND;
	}

	/** This style, or {@link #PRIMARY} when the person lacks the address it needs. */
	Style fitting(Planted planted) {
		if (this == ALIAS && planted.aliases().isEmpty()) {
			return PRIMARY;
		}
		return (this == OKTA_SECOND && planted.secondEmail() == null) ? PRIMARY : this;
	}

	List<PhorgeEmail> emails(Planted planted, Names names, Random random) {
		String email = planted.human().email();
		return switch (this) {
			case PRIMARY -> List.of(row(email, true, true));
			case MIXED_CASE -> List.of(row(mixedCase(email), true, true));
			case SECONDARY -> List.of(row(legacy(planted, names), true, true), row(email, random.nextBoolean(), false));
			case ALIAS -> List.of(row(planted.aliases().get(0), true, true));
			case OKTA_SECOND -> List.of(row(planted.secondEmail(), true, true));
			case USERNAME -> List.of(row(legacy(planted, names), true, true));
		};
	}

	private static String legacy(Planted planted, Names names) {
		return names.unique(planted.human().local(), "legacy.example.org");
	}

	private static String mixedCase(String email) {
		int at = email.indexOf('@');
		return Character.toUpperCase(email.charAt(0)) + email.substring(1, at + 1)
				+ email.substring(at + 1).toUpperCase(Locale.ROOT);
	}

	private static PhorgeEmail row(String address, boolean verified, boolean primary) {
		return new PhorgeEmail("", address, verified, primary);
	}

}
