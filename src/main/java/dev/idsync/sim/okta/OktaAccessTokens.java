package dev.idsync.sim.okta;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The access tokens the org authorization server issued, each valid for an hour.
 */
final class OktaAccessTokens {

	/** How long an access token lives; Okta's org authorization server issues one-hour tokens. */
	static final Duration LIFETIME = Duration.ofHours(1);

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Issued> issued = new ConcurrentHashMap<>();

	OktaAccessTokens(Clock clock) {
		this.clock = clock;
	}

	/** Issues a token carrying {@code scopes}. */
	String issue(List<String> scopes) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.issued.put(token, new Issued(scopes, this.clock.instant().plus(LIFETIME)));
		return token;
	}

	/** The caller presenting {@code token}, or {@code null} if it was never issued or has expired. */
	@Nullable OktaCaller caller(String token) {
		Issued found = this.issued.get(token);
		if (found == null || !this.clock.instant().isBefore(found.expires())) {
			return null;
		}
		return new OktaCaller(Set.copyOf(found.scopes()));
	}

	private record Issued(List<String> scopes, Instant expires) {
	}

}
