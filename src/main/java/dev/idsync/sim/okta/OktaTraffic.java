package dev.idsync.sim.okta;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.idsync.sim.okta.MinuteBudget.Quota;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit windows of each endpoint family, and how many requests and 429s each one saw.
 */
final class OktaTraffic {

	private final Map<OktaFamily, MinuteBudget> budgets = new EnumMap<>(OktaFamily.class);

	private final Map<OktaFamily, AtomicLong> requests = new EnumMap<>(OktaFamily.class);

	private final Map<OktaFamily, AtomicLong> rateLimited = new EnumMap<>(OktaFamily.class);

	private final AtomicLong allRequests = new AtomicLong();

	OktaTraffic(Clock clock, OktaRateLimits limits) {
		for (OktaFamily family : OktaFamily.values()) {
			this.budgets.put(family, new MinuteBudget(clock, limits.of(family)));
			this.requests.put(family, new AtomicLong());
			this.rateLimited.put(family, new AtomicLong());
		}
	}

	/** Counts a request; {@code family} is {@code null} for a path outside every family. */
	void arrived(@Nullable OktaFamily family) {
		this.allRequests.incrementAndGet();
		if (family != null) {
			this.requests.get(family).incrementAndGet();
		}
	}

	/** Spends one request of {@code family}'s window, counting a 429 when none is left. */
	Quota take(OktaFamily family) {
		Quota quota = this.budgets.get(family).take();
		if (!quota.granted()) {
			refused(family);
		}
		return quota;
	}

	/** {@code family}'s window, spending nothing. */
	Quota peek(OktaFamily family) {
		return this.budgets.get(family).peek();
	}

	/** Counts a 429 that did not come from the budget (an injected fault). */
	void refused(OktaFamily family) {
		this.rateLimited.get(family).incrementAndGet();
	}

	long requests() {
		return this.allRequests.get();
	}

	long rateLimited() {
		return this.rateLimited.values().stream().mapToLong(AtomicLong::get).sum();
	}

	Map<String, Long> requestsByFamily() {
		return byPrefix(this.requests);
	}

	Map<String, Long> rateLimitedByFamily() {
		return byPrefix(this.rateLimited);
	}

	private static Map<String, Long> byPrefix(Map<OktaFamily, AtomicLong> counters) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counters.forEach((family, count) -> counts.put(family.prefix(), count.get()));
		return counts;
	}

}
