package dev.idsync.sim.google;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque {@code pageToken}: the offset of the next page and a fingerprint of the query it belongs to, so a token
 * is refused by any other query.
 *
 * @param offset where the next page starts in the query's ordered result
 * @param fingerprint the query's fingerprint
 */
record GooglePageToken(int offset, String fingerprint) {

	String encode() {
		String raw = "v1:" + this.offset + ":" + this.fingerprint;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads {@code token}.
	 * @throws GoogleApiError "Invalid Input" when the token is not one of ours
	 */
	static GooglePageToken decode(String token) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
			if (parts.length != 3 || !parts[0].equals("v1")) {
				throw GoogleApiError.invalidInput();
			}
			return new GooglePageToken(Integer.parseInt(parts[1]), parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw GoogleApiError.invalidInput();
		}
	}

}
