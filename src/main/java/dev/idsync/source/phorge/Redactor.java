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

	String redact(String text) {
		String out = this.secret.isEmpty() ? text : text.replace(this.secret, "[redacted token]");
		return TOKEN.matcher(out).replaceAll("$1-[redacted]");
	}

}
