package dev.idsync.sim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RSA key pairs for the simulated OAuth clients, and their private keys in PEM, the form idsync reads them in.
 */
final class Keys {

	private Keys() {
	}

	static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no RSA", ex);
		}
	}

	/** PKCS#8 PEM, as Okta and Google key files hold it. */
	static String pem(KeyPair pair) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
		return "-----BEGIN " + "PRIVATE KEY-----\n" + body + "\n-----END " + "PRIVATE KEY-----\n";
	}

}
