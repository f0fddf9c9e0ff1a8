package dev.idsync.sim.okta;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The org authorization server's token endpoint for service apps: {@code client_credentials} with a
 * {@code private_key_jwt} client assertion, granting {@code okta.*} scopes.
 */
final class OktaTokenEndpoint {

	/** The endpoint's path, which is also (after the org URL) the audience an assertion must name. */
	static final String PATH = "/oauth2/v1/token";

	private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final @Nullable OktaSimClient client;

	private final String audience;

	private final Clock clock;

	private final OktaAccessTokens tokens;

	/** The jti of each accepted assertion until it expires: an assertion is good for one token only. */
	private final Map<String, Instant> usedIds = new ConcurrentHashMap<>();

	OktaTokenEndpoint(@Nullable OktaSimClient client, String baseUrl, Clock clock, OktaAccessTokens tokens) {
		this.client = client;
		this.audience = baseUrl + PATH;
		this.clock = clock;
		this.tokens = tokens;
	}

	/**
	 * Answers a token request.
	 * @param form the request's form fields
	 * @param response the node to fill with the token response
	 * @throws OktaOAuthError when Okta would refuse the request
	 */
	void grant(Map<String, String> form, ObjectNode response) {
		grantType(form.get("grant_type"));
		authenticate(form);
		List<String> scopes = scopes(form.get("scope"));
		response.put("token_type", "Bearer");
		response.put("expires_in", OktaAccessTokens.LIFETIME.toSeconds());
		response.put("access_token", this.tokens.issue(scopes));
		response.put("scope", String.join(" ", scopes));
	}

	// Modelled on RFC 6749 section 5.2 and Okta's wording elsewhere, not recorded.
	private static void grantType(@Nullable String grantType) {
		if (grantType == null || grantType.isBlank()) {
			throw OktaOAuthError.badRequest("invalid_request", "The token request must specify a 'grant_type'.");
		}
		if (!grantType.equals("client_credentials")) {
			throw OktaOAuthError.badRequest("unsupported_grant_type",
					"The authorization grant type is not supported by the authorization server. "
							+ "Configured grant types: [client_credentials].");
		}
	}

	private void authenticate(Map<String, String> form) {
		String assertion = form.get("client_assertion");
		if (assertion == null) {
			throw OktaOAuthError.invalidClient("A client_id must be provided in the request.");
		}
		if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
			// modelled on RFC 7521 section 4.2
			throw OktaOAuthError.badRequest("invalid_request", "The client_assertion_type is invalid.");
		}
		OktaClientAssertion parsed = OktaClientAssertion.parse(assertion);
		Instant now = this.clock.instant();
		parsed.verify(this.client, this.audience, now);
		String id = parsed.id();
		if (id != null) {
			this.usedIds.values().removeIf(now::isAfter);
			if (this.usedIds.putIfAbsent(id, parsed.expires()) != null) {
				// modelled: Okta documents jti as replay protection, its wording is not known
				throw OktaOAuthError.invalidClient("The client_assertion token has already been used.");
			}
		}
	}

	/**
	 * The scopes granted: the requested ones the app was granted. Okta issues a token with that subset (see
	 * okta/okta-sdk-golang#145) and refuses only when none of them is granted (okta/okta-sdk-java#822).
	 */
	private List<String> scopes(@Nullable String scope) {
		if (scope == null || scope.isBlank()) {
			throw OktaOAuthError.badRequest("invalid_scope", "The authorization server resource does not have any "
					+ "configured default scopes, 'scope' must be provided.");
		}
		Set<String> requested = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
		if (requested.stream().anyMatch((name) -> !name.startsWith("okta."))) {
			throw OktaOAuthError.badRequest("invalid_scope",
					"One or more scopes are not configured for the authorization server resource.");
		}
		List<String> granted = new ArrayList<>(requested);
		granted.retainAll((this.client != null) ? this.client.scopes() : Set.of());
		if (granted.isEmpty()) {
			throw OktaOAuthError.badRequest("consent_required", "You are not allowed any of the requested scopes.");
		}
		return granted;
	}

}
