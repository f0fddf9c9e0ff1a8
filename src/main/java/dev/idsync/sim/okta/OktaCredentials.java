package dev.idsync.sim.okta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

/**
 * The credentials the org's API accepts: its SSWS API token, and the access tokens its authorization server issued.
 */
final class OktaCredentials {

	private static final String BEARER = "Bearer ";

	private final byte[] ssws;

	private final OktaAccessTokens tokens;

	OktaCredentials(String apiToken, OktaAccessTokens tokens) {
		this.ssws = ("SSWS " + apiToken).getBytes(StandardCharsets.UTF_8);
		this.tokens = tokens;
	}

	/**
	 * Identifies the caller from its {@code Authorization} header.
	 * @throws OktaApiError E0000011 for a missing, unknown or expired credential
	 */
	OktaCaller authenticate(@Nullable String header) {
		if (header != null && header.startsWith(BEARER)) {
			OktaCaller caller = this.tokens.caller(header.substring(BEARER.length()));
			if (caller == null) {
				throw OktaApiError.invalidToken();
			}
			return caller;
		}
		byte[] given = (header != null) ? header.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(given, this.ssws)) {
			throw OktaApiError.invalidToken();
		}
		return OktaCaller.SSWS;
	}

}
