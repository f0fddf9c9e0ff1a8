package dev.idsync.source.phorge;

import java.util.regex.Pattern;

/**
 * Removes Conduit tokens from text: Phorge echoes the presented token in its error messages.
 */
final class Redactor {

	/** Phorge's token format: a type prefix and 28 characters of {@code [a-z2-7]} (32 in all). */
	private static final Pattern TOKEN = Pattern.compile("\\b(api|cli|clr)-[a-z2-7]{28}\\b");

	private final String secret;

	Redactor(String secret) {
		this.secret = secret;
	}

	/** Removes idsync's own token, whatever its shape, and anything shaped like a Conduit token. */
	String redact(String text) {
		String out = this.secret.isEmpty() ? text : text.replace(this.secret, "[redacted token]");
		return tokensOut(out);
	}

	/** Removes anything shaped like a Conduit token: the last line of defence of every exception message. */
	static String tokensOut(String text) {
		return TOKEN.matcher(text).replaceAll("$1-[redacted]");
	}

}
