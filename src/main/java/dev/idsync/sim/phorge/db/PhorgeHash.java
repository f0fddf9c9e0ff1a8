package dev.idsync.sim.phorge.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Phorge's {@code PhabricatorHash::digestForIndex()} (src/infrastructure/util/PhabricatorHash.php): the first 12
 * bytes of the string's SHA-1, each byte's low six bits mapped to {@code [0-9a-zA-Z._]}. Phorge stores it beside
 * indexed strings such as {@code user_externalaccountidentifier.identifierRaw}.
 */
final class PhorgeHash {

	private static final String MAP = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._";

	private PhorgeHash() {
	}

	static String digestForIndex(String value) {
		byte[] sha1 = sha1().digest(value.getBytes(StandardCharsets.UTF_8));
		StringBuilder digest = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			digest.append(MAP.charAt(sha1[i] & 0x3F));
		}
		return digest.toString();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no SHA-1", ex);
		}
	}

}
