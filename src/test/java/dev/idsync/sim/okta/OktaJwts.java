package dev.idsync.sim.okta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Client assertions signed by hand, for the token requests the SDK would never send.
 */
final class OktaJwts {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private OktaJwts() {
	}

	/** The header the SDK sends. */
	static Map<String, Object> header(String kid) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("kid", kid);
		header.put("alg", "RS256");
		return header;
	}

	/** The claims the SDK sends, at {@code now}, for the org at {@code baseUrl}. */
	static Map<String, Object> claims(String baseUrl, Instant now) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("aud", List.of(baseUrl + "/oauth2/v1/token"));
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.getEpochSecond() + 3000);
		claims.put("iss", OktaTestOrg.CLIENT_ID);
		claims.put("sub", OktaTestOrg.CLIENT_ID);
		claims.put("jti", UUID.randomUUID().toString());
		return claims;
	}

	/** Signs with RS256. */
	static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String input = encoder.encodeToString(MAPPER.writeValueAsBytes(header)) + "."
				+ encoder.encodeToString(MAPPER.writeValueAsBytes(claims));
		try {
			Signature signer = Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + encoder.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
