package dev.idsync.rotate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A Conduit API token's secret value: never printed ({@link #toString()} is redacted), only handed to Phorge's
 * database, to Conduit to verify it, and to the sinks that deliver it. Its SHA-256, which idsync journals, tells
 * which sink holds it without revealing it.
 */
public final class TokenValue {

	/** Phorge's alphabet for token characters: the high five bits of random bytes, as {@code [a-z2-7]}. */
	static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	/** {@code api-} and 28 characters: 32 in all, as Phorge requires. */
	static final int LENGTH = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private TokenValue(String value) {
		this.value = value;
	}

	/** A new standard API token in exactly Phorge's format, from a cryptographically secure source. */
	public static TokenValue generate() {
		StringBuilder token = new StringBuilder("api-");
		while (token.length() < LENGTH) {
			token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new TokenValue(token.toString());
	}

	/**
	 * A token read back from a sink.
	 * @throws IllegalArgumentException when it is not a token in Phorge's format (the message does not show it)
	 */
	public static TokenValue of(String value) {
		String trimmed = value.trim();
		if (!trimmed.matches("(api|cli)-[a-z2-7]{28}")) {
			throw new IllegalArgumentException("not a Conduit API token (api- and 28 characters of a-z, 2-7)");
		}
		return new TokenValue(trimmed);
	}

	/** The secret itself: only for Phorge, Conduit and the sinks. */
	public String reveal() {
		return this.value;
	}

	/** The SHA-256 of the value, in hex: safe to journal (a token has 140 random bits). */
	public String hash() {
		return hash(this.value);
	}

	/** The SHA-256 of a value, in hex. */
	public static String hash(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(value.trim().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "TokenValue[redacted]";
	}

}
