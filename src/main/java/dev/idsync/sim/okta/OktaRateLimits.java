package dev.idsync.sim.okta;

import java.util.EnumMap;
import java.util.Map;

/**
 * The per-minute request budget of each endpoint family.
 *
 * @param perMinute the budget of each family, all of them present and at least 1
 */
record OktaRateLimits(Map<OktaFamily, Integer> perMinute) {

	OktaRateLimits {
		perMinute = Map.copyOf(perMinute);
		for (OktaFamily family : OktaFamily.values()) {
			Integer budget = perMinute.get(family);
			if (budget == null || budget < 1) {
				throw new IllegalArgumentException(
						"The per-minute budget of " + family.prefix() + " must be at least 1, was " + budget);
			}
		}
	}

	/** Okta's Enterprise defaults, with {@code usersPerMinute} for {@code /api/v1/users}. */
	static OktaRateLimits enterprise(int usersPerMinute) {
		Map<OktaFamily, Integer> budgets = new EnumMap<>(OktaFamily.class);
		for (OktaFamily family : OktaFamily.values()) {
			budgets.put(family, family.enterprisePerMinute());
		}
		budgets.put(OktaFamily.USERS, usersPerMinute);
		return new OktaRateLimits(budgets);
	}

	/** These budgets with {@code family}'s replaced. */
	OktaRateLimits with(OktaFamily family, int budget) {
		Map<OktaFamily, Integer> budgets = new EnumMap<>(this.perMinute);
		budgets.put(family, budget);
		return new OktaRateLimits(budgets);
	}

	int of(OktaFamily family) {
		return this.perMinute.get(family);
	}

}
