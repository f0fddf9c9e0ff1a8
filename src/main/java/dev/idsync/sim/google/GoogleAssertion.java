package dev.idsync.sim.google;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JWT-bearer assertion ({@code header.claims.signature}, each base64url) as google-auth's
 * {@code ServiceAccountCredentials} signs it: RS256, the key's {@code kid}, and {@code iss}, {@code sub},
 * {@code scope}, {@code aud}, {@code iat}, {@code exp} claims.
 */
final class GoogleAssertion {

	private final JsonNode header;

	private final JsonNode claims;

	private final byte[] signed;

	private final byte[] signature;

	private GoogleAssertion(JsonNode header, JsonNode claims, byte[] signed, byte[] signature) {
		this.header = header;
		this.claims = claims;
		this.signed = signed;
		this.signature = signature;
	}

	/**
	 * Reads a compact JWT without verifying it.
	 * @throws GoogleTokenError "Invalid JWT Signature." when it is no JWT at all
	 */
	static GoogleAssertion parse(String compact, JsonMapper mapper) {
		String[] parts = compact.split("\\.", -1);
		if (parts.length != 3) {
			throw GoogleTokenError.invalidSignature();
		}
		try {
			Base64.Decoder base64 = Base64.getUrlDecoder();
			JsonNode header = mapper.readTree(base64.decode(parts[0]));
			JsonNode claims = mapper.readTree(base64.decode(parts[1]));
			if (!header.isObject() || !claims.isObject()) {
				throw GoogleTokenError.invalidSignature();
			}
			byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
			return new GoogleAssertion(header, claims, signed, base64.decode(parts[2]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw GoogleTokenError.invalidSignature();
		}
	}

	/** Whether the assertion is signed with RS256 by the key {@code keyId}, whose public half is {@code key}. */
	boolean signedBy(String keyId, PublicKey key) {
		if (!"RS256".equals(text(this.header, "alg")) || !keyId.equals(text(this.header, "kid"))) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withRSA");
			verifier.initVerify(key);
			verifier.update(this.signed);
			return verifier.verify(this.signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** A string claim such as {@code iss}, or {@code null}. */
	@Nullable String claim(String name) {
		return text(this.claims, name);
	}

	/** A time claim such as {@code exp} (seconds since the epoch), or {@code null}. */
	@Nullable Instant time(String name) {
		JsonNode value = this.claims.get(name);
		return (value != null && value.isIntegralNumber()) ? Instant.ofEpochSecond(value.asLong()) : null;
	}

	/** The space-separated {@code scope} claim; empty if there is none. */
	Set<String> scopes() {
		String scope = claim("scope");
		return (scope != null) ? Arrays.stream(scope.split(" ")).filter((s) -> !s.isEmpty()).collect(Collectors.toSet())
				: Set.of();
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
