package dev.idsync.sim.okta;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A request budget per fixed UTC minute window, the way Okta counts per-endpoint rate limits.
 */
final class MinuteBudget {

	private final Clock clock;

	private final int limit;

	private long windowEnd;

	private int used;

	MinuteBudget(Clock clock, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The per-minute budget must be at least 1, was " + limit);
		}
		this.clock = clock;
		this.limit = limit;
	}

	/** Spends one request of the current window if any is left. */
	synchronized Quota take() {
		roll();
		boolean granted = this.used < this.limit;
		if (granted) {
			this.used++;
		}
		return new Quota(this.limit, this.limit - this.used, this.windowEnd, granted);
	}

	/** The current window's state, spending nothing. */
	synchronized Quota peek() {
		roll();
		return new Quota(this.limit, this.limit - this.used, this.windowEnd, true);
	}

	private void roll() {
		long now = this.clock.instant().getEpochSecond();
		if (now >= this.windowEnd) {
			this.windowEnd = (Math.floorDiv(now, 60) + 1) * 60;
			this.used = 0;
		}
	}

	/**
	 * The state of a window after a request.
	 *
	 * @param limit the budget per window
	 * @param remaining requests left in the window
	 * @param resetEpochSecond the window's end, in UTC epoch seconds
	 * @param granted whether the request fitted in the budget
	 */
	record Quota(int limit, int remaining, long resetEpochSecond, boolean granted) {

		/** The {@code X-Rate-Limit-*} headers Okta sends on every response. */
		Map<String, List<String>> headers() {
			return Map.of("X-Rate-Limit-Limit", List.of(Integer.toString(this.limit)), "X-Rate-Limit-Remaining",
					List.of(Integer.toString(this.remaining)), "X-Rate-Limit-Reset",
					List.of(Long.toString(this.resetEpochSecond)));
		}

	}

}
