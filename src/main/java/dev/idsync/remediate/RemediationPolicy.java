package dev.idsync.remediate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ActionType;

/**
 * The safety rules remediation follows: blast-radius limits, grace periods and what is never touched.
 *
 * @param limits for each action type that changes Phorge, how many actions one run may take, as a count and as a
 * share of the population (rounded up, at least 1); over either, nothing is applied
 * @param leaverGrace how long the identity sources must have shown a leaver inactive before idsync disables the
 * account
 * @param leaverGraceRuns or in how many consecutive complete runs idsync must have seen the leaver
 * @param driftGraceRuns in how many consecutive complete runs an orphan or a no-longer-entitled account must have
 * been seen before idsync disables it
 * @param newAccountGrace how old an account must be before idsync disables it as an orphan or not entitled
 * @param allowAdmins whether idsync may act on Phorge administrators
 * @param allowFirstRun whether the first run against an empty link store may act
 * @param allowMassChange for this run only: how many actions of each type are allowed over the limits, or
 * {@code null}
 */
public record RemediationPolicy(Map<ActionType, Limit> limits, Duration leaverGrace, int leaverGraceRuns,
		int driftGraceRuns, Duration newAccountGrace, boolean allowAdmins, boolean allowFirstRun,
		@Nullable Integer allowMassChange) {

	public RemediationPolicy {
		Map<ActionType, Limit> all = new EnumMap<>(ActionType.class);
		for (ActionType type : ActionType.values()) {
			if (type != ActionType.FLAG_FOR_REVIEW) {
				all.put(type, limits.getOrDefault(type, Limit.DEFAULT));
			}
		}
		limits = Map.copyOf(all);
	}

	/** The safe defaults: 10 actions or 2 % per type, 7 days or 7 runs for leavers, 2 runs and 14 days otherwise. */
	public static RemediationPolicy defaults() {
		return new RemediationPolicy(Map.of(), Duration.ofDays(7), 7, 2, Duration.ofDays(14), false, false, null);
	}

	/** The same policy allowing the first run to act. */
	public RemediationPolicy allowingFirstRun() {
		return new RemediationPolicy(this.limits, this.leaverGrace, this.leaverGraceRuns, this.driftGraceRuns,
				this.newAccountGrace, this.allowAdmins, true, this.allowMassChange);
	}

	/** The same policy allowing up to {@code count} actions of each type this run. */
	public RemediationPolicy allowingMassChange(int count) {
		return new RemediationPolicy(this.limits, this.leaverGrace, this.leaverGraceRuns, this.driftGraceRuns,
				this.newAccountGrace, this.allowAdmins, this.allowFirstRun, count);
	}

	/**
	 * A blast-radius limit: a run may take at most {@code count} actions of a type, and at most {@code percent} of
	 * the human accounts, rounded up; never fewer than one, so that one action a night passes however small the
	 * instance. A {@code count} or {@code percent} of 0 allows none.
	 *
	 * @param count the most actions of the type in one run
	 * @param percent the most actions of the type in one run, as a percentage of the human accounts
	 */
	public record Limit(int count, double percent) {

		/** 10 actions or 2 %. */
		public static final Limit DEFAULT = new Limit(10, 2.0);

		private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

		/**
		 * The most actions allowed against a population of this many human accounts: the smaller of {@code count}
		 * and {@code percent} of the population rounded up, and at least 1, unless the limit {@link #none() allows
		 * none}.
		 */
		public long allowed(long population) {
			return none() ? 0 : Math.max(1, Math.min(this.count, share(population)));
		}

		/** Whether an administrator configured this limit to allow no action at all (a count or percent of 0). */
		boolean none() {
			return this.count == 0 || this.percent == 0;
		}

		/**
		 * {@code percent} of the population, rounded up, in decimal arithmetic: 0.07 % of 10,000 is exactly 7, where
		 * {@code 0.07 * 10000 / 100} in binary floating point is 7.000000000000001 and would round up to 8.
		 */
		private long share(long population) {
			// a percentage as written has a few decimals at most; six drop the binary representation's error
			BigDecimal percent = new BigDecimal(this.percent).setScale(6, RoundingMode.HALF_EVEN);
			return percent.multiply(BigDecimal.valueOf(population)).divide(HUNDRED, 0, RoundingMode.CEILING)
				.longValueExact();
		}

	}

}
