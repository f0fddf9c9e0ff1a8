package dev.idsync.sim.okta;

import java.time.Duration;

import dev.idsync.sim.FaultKind;
import dev.idsync.sim.Faults;

/**
 * How the simulated org behaves beyond its data: the faults it injects, its rate limits, and how long a
 * {@code slow} page waits.
 *
 * @param faults the faults to inject on listing pages
 * @param limits the per-minute budget of each endpoint family
 * @param slowness how long a {@link FaultKind#SLOW} page waits
 */
record OktaBehaviour(Faults faults, OktaRateLimits limits, Duration slowness) {

	/** No faults and Okta's Enterprise budgets, with {@code usersPerMinute} for {@code /api/v1/users}. */
	static OktaBehaviour of(Faults faults, int usersPerMinute) {
		return new OktaBehaviour(faults, OktaRateLimits.enterprise(usersPerMinute),
				Duration.ofMillis(FaultKind.SLOW_MILLIS));
	}

}
