package dev.idsync.sim.google;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.idsync.sim.SimExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OAuth token endpoint of domain-wide delegation: exchanges a service account's signed JWT for an access token
 * that acts as the impersonated user, within the scopes the customer delegated.
 */
final class GoogleTokenEndpoint {

	/** Google's token URI, which google-auth keeps as {@code aud} even when told to post elsewhere. */
	static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	// Google's documented limit on assertions: "a short-lived token (60 minutes)".
	private static final Duration MAX_LIFETIME = Duration.ofHours(1);

	// Modelled on docs: some tolerance for a client clock running ahead.
	private static final Duration SKEW = Duration.ofMinutes(5);

	private final GoogleSimServiceAccount account;

	private final Set<String> audiences;

	private final GoogleDirectory directory;

	private final GoogleGrants grants;

	private final JsonMapper mapper;

	GoogleTokenEndpoint(GoogleSimServiceAccount account, String ownUri, GoogleDirectory directory,
			GoogleGrants grants, JsonMapper mapper) {
		this.account = account;
		this.audiences = Set.of(GOOGLE_TOKEN_URI, ownUri);
		this.directory = directory;
		this.grants = grants;
		this.mapper = mapper;
	}

	/**
	 * Answers a token request.
	 * @param form the {@code application/x-www-form-urlencoded} body
	 * @return the token response
	 * @throws GoogleTokenError as Google refuses the request
	 */
	ObjectNode grant(byte[] form) {
		Map<String, String> params = SimExchange.asMap(SimExchange.parseForm(form));
		String grantType = params.getOrDefault("grant_type", "");
		if (!grantType.equals(JWT_BEARER)) {
			throw GoogleTokenError.unsupportedGrantType(grantType);
		}
		String assertion = params.get("assertion");
		if (assertion == null) {
			throw GoogleTokenError.missingParameter("assertion");
		}
		GoogleAssertion jwt = verified(GoogleAssertion.parse(assertion, this.mapper));
		Set<String> scopes = jwt.scopes();
		if (scopes.isEmpty()) {
			throw GoogleTokenError.invalidScope();
		}
		String subject = jwt.claim("sub");
		// Without sub the token acts as the service account itself: no delegation needed, and no admin rights.
		boolean admin = (subject != null) && delegated(subject, scopes);
		return response(this.grants.issue(scopes, admin));
	}

	private GoogleAssertion verified(GoogleAssertion jwt) {
		// Modelled on Google's docs (service accounts, "error codes"): the descriptions it gives for each check.
		if (!this.account.clientEmail().equals(jwt.claim("iss"))) {
			throw GoogleTokenError.invalidGrant("Invalid grant: account not found");
		}
		if (!jwt.signedBy(this.account.keyId(), this.account.publicKey())) {
			throw GoogleTokenError.invalidSignature();
		}
		if (!this.audiences.contains(jwt.claim("aud"))) {
			throw GoogleTokenError
				.invalidGrant("Invalid JWT: Failed audience check. The right audience is " + GOOGLE_TOKEN_URI);
		}
		if (!timely(jwt.time("iat"), jwt.time("exp"), this.grants.now())) {
			throw GoogleTokenError.invalidGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in"
					+ " a reasonable timeframe. Check your iat and exp values in the JWT claim.");
		}
		return jwt;
	}

	private static boolean timely(@Nullable Instant issued, @Nullable Instant expiry, Instant now) {
		return issued != null && expiry != null && expiry.isAfter(now) && !issued.isAfter(now.plus(SKEW))
				&& !expiry.isAfter(issued.plus(MAX_LIFETIME));
	}

	/**
	 * Whether impersonating {@code subject} makes an admin. The delegated admin always does; any other live user of
	 * the customer may be impersonated too (domain-wide delegation covers every user), as an admin only if they are
	 * one. Modelled on Google's docs: an unknown, deleted or suspended user is "Invalid email or User ID".
	 */
	private boolean delegated(String subject, Set<String> scopes) {
		if (!this.account.scopes().containsAll(scopes)) {
			throw GoogleTokenError.unauthorizedClient();
		}
		if (subject.equalsIgnoreCase(this.account.subject())) {
			return true;
		}
		GoogleSimUser user = this.directory.user(subject);
		if (user == null || user.suspended()) {
			throw GoogleTokenError.invalidGrant("Invalid email or User ID");
		}
		return user.admin();
	}

	private ObjectNode response(String token) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("access_token", token);
		node.put("expires_in", GoogleGrants.LIFETIME.toSeconds());
		node.put("token_type", "Bearer");
		return node;
	}

}
