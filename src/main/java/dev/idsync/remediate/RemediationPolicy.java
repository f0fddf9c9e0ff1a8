package dev.idsync.remediate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ActionType;

/**
 * The safety rules remediation follows: blast-radius limits, grace periods and what is never touched.
 *
 * @param limits for each action type that changes Phorge, how many actions one run may take, as a count and as a
 * share of the population; over either, nothing is applied
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
	 * the population.
	 *
	 * @param count the most actions of the type in one run
	 * @param percent the most actions of the type in one run, as a percentage of the human accounts
	 */
	public record Limit(int count, double percent) {

		/** 10 actions or 2 %. */
		public static final Limit DEFAULT = new Limit(10, 2.0);

		/** The most actions allowed against a population of this many accounts: the smaller of the two limits. */
		public long allowed(long population) {
			return Math.min(this.count, (long) Math.floor(population * this.percent / 100.0));
		}

	}

}
