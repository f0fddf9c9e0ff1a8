package dev.idsync.sim;

import java.util.Random;

/**
 * Identifiers and secrets in the exact shapes the real services use, drawn from the generator's seeded random source.
 */
final class Ids {

	private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

	private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Random random;

	Ids(Random random) {
		this.random = random;
	}

	/** A Phorge PHID such as {@code PHID-USER-2z3hdnt4dvyzidpps3xw}. */
	String phid(String type) {
		return "PHID-" + type + "-" + chars(BASE32, 20);
	}

	/** A Phorge transaction PHID such as {@code PHID-XACT-USER-qhc5ekmumkkarpk}: 15 characters after the subtype. */
	String transactionPhid(String subtype) {
		return "PHID-XACT-" + subtype + "-" + chars(BASE32, 15);
	}

	/** A Phorge Conduit token: {@code api-} and 28 characters of {@code [a-z2-7]}. */
	String token() {
		return "api-" + chars(BASE32, 28);
	}

	/** An Okta user id such as {@code 00ub0oNGTSWTBKOLGLNR}. */
	String okta() {
		return "00u" + chars(ALNUM, 17);
	}

	/** An Okta object id with its type prefix, e.g. {@code 00g…} for a group, {@code 0oa…} for an app. */
	String oktaObject(String prefix) {
		return prefix + chars(ALNUM, 17);
	}

	/** A Google service-account key id (40 hex characters). */
	String keyId() {
		return chars("0123456789abcdef", 40);
	}

	/** An Okta SSWS API token (42 characters starting {@code 00}). */
	String oktaToken() {
		return "00" + chars(ALNUM, 40);
	}

	/** A Google Workspace user id: 21 digits. */
	String google() {
		return "1" + chars("0123456789", 20);
	}

	/** A Google OAuth access token for the simulator. */
	String googleToken() {
		return "ya29.sim-" + chars(ALNUM, 40);
	}

	/** The path of a default profile image below Phorge's base URL. */
	String imagePath() {
		return "file/data/" + chars(BASE32, 20) + "/" + phid("FILE") + "/profile.png";
	}

	private String chars(String alphabet, int count) {
		StringBuilder out = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			out.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
