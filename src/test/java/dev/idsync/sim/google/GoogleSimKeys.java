package dev.idsync.sim.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * A service account's keys for tests: the key pair the simulated customer trusts, a stranger's key, its JSON key file
 * and hand-signed assertions.
 */
final class GoogleSimKeys {

	static final String CLIENT_EMAIL = "idsync@idsync-test.iam.gserviceaccount.com";

	static final String CLIENT_ID = "108877665544332211000";

	static final String KEY_ID = "4f2d0c7e9b1a6d3c5e8f0a2b4c6d8e0f1a3b5c7d";

	/** The admin the service account may impersonate (not among the listed users). */
	static final String ADMIN = "admin@example.com";

	static final KeyPair TRUSTED = generate(2048);

	/** Someone else's key; short, since it only has to sign something the simulator refuses (and 2048 is slow). */
	static final KeyPair STRANGER = generate(1024);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private GoogleSimKeys() {
	}

	/** The service account the customer delegated {@code scopes} to, impersonating {@link #ADMIN}. */
	static GoogleSimServiceAccount account(Set<String> scopes) {
		return new GoogleSimServiceAccount(CLIENT_EMAIL, CLIENT_ID, KEY_ID, TRUSTED.getPublic(), ADMIN, scopes);
	}

	/** Writes a service account JSON key file, as the Cloud console hands it out, whose token URI is given. */
	static Path keyFile(Path dir, String tokenUri) {
		Map<String, String> key = new LinkedHashMap<>();
		key.put("type", "service_account");
		key.put("project_id", "idsync-test");
		key.put("private_key_id", KEY_ID);
		key.put("private_key", pem(TRUSTED.getPrivate()));
		key.put("client_email", CLIENT_EMAIL);
		key.put("client_id", CLIENT_ID);
		key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
		key.put("token_uri", tokenUri);
		try {
			return Files.writeString(dir.resolve("service-account.json"), MAPPER.writeValueAsString(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A compact RS256 JWT over {@code claims}, with {@code kid} in its header, signed by {@code key}. */
	static String jwt(Map<String, Object> claims, String kid, PrivateKey key) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString(MAPPER.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT",
				"kid", kid)));
		String signed = header + "." + base64.encodeToString(MAPPER.writeValueAsBytes(claims));
		try {
			Signature signer = Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update(signed.getBytes(StandardCharsets.US_ASCII));
			return signed + "." + base64.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(PrivateKey key) {
		// An RSA private key from KeyPairGenerator encodes as PKCS#8, what "BEGIN PRIVATE KEY" holds.
		return "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

	private static KeyPair generate(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
