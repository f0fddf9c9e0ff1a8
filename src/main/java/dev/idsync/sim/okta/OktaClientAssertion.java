package dev.idsync.sim.okta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code private_key_jwt} client assertion, checked the way Okta's token endpoint checks it. The error
 * descriptions are Okta's where they were seen in the wild (kid, signature, audience, expiry); the others are
 * modelled on them.
 *
 * @param header the JOSE header
 * @param claims the claims
 * @param signingInput the signed bytes ({@code base64url(header) "." base64url(claims)})
 * @param signature the signature
 */
record OktaClientAssertion(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

	/** The RSA algorithms Okta accepts for {@code private_key_jwt}, as JCA signature names. */
	private static final Map<String, String> ALGORITHMS = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA",
			"RS512", "SHA512withRSA");

	/** Okta refuses assertions that expire more than an hour ahead. */
	private static final long MAX_LIFETIME_SECONDS = 3_600;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * Decodes a compact JWS.
	 * @throws OktaOAuthError {@code invalid_client} when it is not one
	 */
	static OktaClientAssertion parse(String jwt) {
		String[] parts = jwt.split("\\.", -1);
		if (parts.length != 3) {
			throw malformed();
		}
		try {
			Base64.Decoder decoder = Base64.getUrlDecoder();
			JsonNode header = MAPPER.readTree(decoder.decode(parts[0]));
			JsonNode claims = MAPPER.readTree(decoder.decode(parts[1]));
			if (header == null || claims == null || !header.isObject() || !claims.isObject()) {
				throw malformed();
			}
			byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
			return new OktaClientAssertion(header, claims, signingInput, decoder.decode(parts[2]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw malformed();
		}
	}

	/**
	 * Authenticates {@code client} with this assertion.
	 * @param client the org's service app, or {@code null} if it has none
	 * @param audience the token endpoint's URL, which {@code aud} must name
	 * @param now the current time
	 * @throws OktaOAuthError {@code invalid_client} with Okta's description of what is wrong
	 */
	void verify(@Nullable OktaSimClient client, String audience, Instant now) {
		if (client == null || !client.clientId().equals(text(this.claims, "iss"))
				|| !client.clientId().equals(text(this.claims, "sub"))) {
			throw OktaOAuthError.invalidClient(
					"Client authentication failed. Either the client or the client credentials are invalid.");
		}
		String kid = text(this.header, "kid");
		// With a single registered key Okta also accepts an assertion that names no kid.
		if (kid != null && !kid.equals(client.keyId())) {
			throw OktaOAuthError.invalidClient("The client_assertion JWT kid is invalid.");
		}
		if (!signedBy(client)) {
			throw OktaOAuthError.invalidClient("The client_assertion signature is invalid.");
		}
		if (!addressedTo(audience)) {
			throw OktaOAuthError
				.invalidClient("The audience claim for client_assertion must be the endpoint invoked for the request.");
		}
		checkExpiry(now);
	}

	/** The {@code jti} claim, or {@code null}. */
	@Nullable String id() {
		return text(this.claims, "jti");
	}

	/** The {@code exp} claim; call after {@link #verify}. */
	Instant expires() {
		return Instant.ofEpochSecond(this.claims.get("exp").asLong());
	}

	private boolean signedBy(OktaSimClient client) {
		String algorithm = ALGORITHMS.get(String.valueOf(text(this.header, "alg")));
		if (algorithm == null) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(client.publicKey());
			verifier.update(this.signingInput);
			return verifier.verify(this.signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private boolean addressedTo(String audience) {
		JsonNode aud = this.claims.get("aud");
		if (aud != null && aud.isArray()) {
			for (JsonNode value : aud) {
				if (value.isString() && value.asString().equals(audience)) {
					return true;
				}
			}
			return false;
		}
		return audience.equals(text(this.claims, "aud"));
	}

	private void checkExpiry(Instant now) {
		JsonNode exp = this.claims.get("exp");
		if (exp == null || !exp.isNumber()) {
			// modelled: Okta requires exp, its wording for a missing one is not known
			throw OktaOAuthError.invalidClient("The client_assertion token must have an expiration.");
		}
		long expires = exp.asLong();
		if (expires <= now.getEpochSecond()) {
			throw OktaOAuthError.invalidClient("The client_assertion token is expired.");
		}
		if (expires > now.getEpochSecond() + MAX_LIFETIME_SECONDS) {
			throw OktaOAuthError.invalidClient("The client_assertion token has an expiration too far into the future.");
		}
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	// modelled: Okta's wording for an assertion that is not a JWS is not known
	private static OktaOAuthError malformed() {
		return OktaOAuthError.invalidClient("The client_assertion token is malformed.");
	}

}
