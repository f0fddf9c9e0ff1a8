package dev.idsync.sim.google;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * What an access token lets its bearer do.
 *
 * @param scopes the OAuth scopes granted
 * @param admin whether the bearer acts as a Workspace admin (a non-admin is refused every Directory method)
 * @param expiry when the token stops working
 */
record GoogleGrant(Set<String> scopes, boolean admin, Instant expiry) {

	GoogleGrant {
		scopes = Set.copyOf(scopes);
	}

	/** Whether the grant holds at least one of {@code accepted}. */
	boolean hasAnyOf(Collection<String> accepted) {
		return accepted.stream().anyMatch(this.scopes::contains);
	}

}
