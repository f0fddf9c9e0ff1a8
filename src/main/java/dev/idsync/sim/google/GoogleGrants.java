package dev.idsync.sim.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The access tokens the simulated customer accepts: its static token, which holds every scope and never expires,
 * and those the token endpoint issued. Thread-safe.
 */
final class GoogleGrants {

	/** Google's access tokens live an hour; the token endpoint answers {@code expires_in: 3599}. */
	static final Duration LIFETIME = Duration.ofSeconds(3599);

	private final byte[] staticToken;

	private final Map<String, GoogleGrant> issued = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	GoogleGrants(String staticToken, Clock clock) {
		this.staticToken = staticToken.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	/**
	 * Issues a token.
	 * @param scopes what it may do
	 * @param admin whether its bearer acts as an admin
	 * @return the new token, {@code ya29.} and random characters like Google's
	 */
	String issue(Set<String> scopes, boolean admin) {
		Instant now = this.clock.instant();
		this.issued.values().removeIf((grant) -> !grant.expiry().isAfter(now));
		byte[] bytes = new byte[48];
		this.random.nextBytes(bytes);
		String token = "ya29." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.issued.put(token, new GoogleGrant(scopes, admin, now.plus(LIFETIME)));
		return token;
	}

	/** The grant of a live {@code token}, or {@code null} if it is unknown or expired. */
	@Nullable GoogleGrant find(String token) {
		if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), this.staticToken)) {
			return new GoogleGrant(GoogleScopes.ALL, true, Instant.MAX);
		}
		GoogleGrant grant = this.issued.get(token);
		return (grant != null && grant.expiry().isAfter(this.clock.instant())) ? grant : null;
	}

	Instant now() {
		return this.clock.instant();
	}

}
