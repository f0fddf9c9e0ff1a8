package dev.idsync.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.idsync.domain.ActionType;
import dev.idsync.domain.Mode;
import dev.idsync.remediate.RemediationPolicy;

/**
 * What idsync does about its findings and the safety rules it follows ({@code idsync.remediation}).
 *
 * @param mode {@code report} (default: findings only), {@code plan} (findings and a plan for {@code idsync apply})
 * or {@code apply} (apply within the limits in the same run)
 * @param limits the blast-radius limits per action type ({@code disable}, {@code enable}, {@code approve},
 * {@code revoke-tokens}), each {@code count} (default 10) and {@code percent} of the human accounts, rounded up
 * (default 2), and never below 1 unless either is 0, which allows none: over either, the run applies nothing and
 * exits 3
 * @param leaverGrace how long the identity sources must have shown a leaver inactive before idsync disables the
 * account (default 7d)
 * @param leaverGraceRuns or in how many consecutive complete runs idsync must have seen the leaver (default 7)
 * @param driftGraceRuns in how many consecutive complete runs an orphan or not-entitled account must have been seen
 * before idsync disables it (default 2)
 * @param newAccountGrace how old an account must be before idsync disables it as an orphan or not entitled (default
 * 14d)
 * @param allowAdmins whether idsync may act on Phorge administrators (default false)
 * @param allowFirstRun whether the first run against an empty link store may act (default false: report-only)
 * @param writesPerMinute the most writes to Phorge a minute (default 60)
 * @param planTtl how long a written plan may be applied (default 24h)
 */
public record RemediationProperties(@DefaultValue("report") String mode, @DefaultValue Map<String, Limit> limits,
		@DefaultValue("7d") Duration leaverGrace, @DefaultValue("7") int leaverGraceRuns,
		@DefaultValue("2") int driftGraceRuns, @DefaultValue("14d") Duration newAccountGrace,
		@DefaultValue("false") boolean allowAdmins, @DefaultValue("false") boolean allowFirstRun,
		@DefaultValue("60") int writesPerMinute, @DefaultValue("24h") Duration planTtl) {

	public RemediationProperties {
		if (Mode.named(mode) == null) {
			throw new ConfigException("idsync.remediation.mode: '" + mode + "' is not a mode. Use report (default), "
					+ "plan or apply.");
		}
		limits = Map.copyOf(limits);
		limits.keySet().forEach(RemediationProperties::actionType);
		positive("leaver-grace", leaverGrace);
		positive("new-account-grace", newAccountGrace);
		positive("plan-ttl", planTtl);
		atLeastOne("leaver-grace-runs", leaverGraceRuns);
		atLeastOne("drift-grace-runs", driftGraceRuns);
		atLeastOne("writes-per-minute", writesPerMinute);
	}

	/** The defaults: report mode, 10 actions or 2 % per type, the grace periods above. */
	public static RemediationProperties defaults() {
		return new RemediationProperties("report", Map.of(), Duration.ofDays(7), 7, 2, Duration.ofDays(14), false,
				false, 60, Duration.ofHours(24));
	}

	/** The configured mode. */
	public Mode configuredMode() {
		return Mode.named(this.mode);
	}

	/** The policy the remediation core follows. */
	public RemediationPolicy policy() {
		Map<ActionType, RemediationPolicy.Limit> byType = new EnumMap<>(ActionType.class);
		this.limits.forEach((name, limit) -> byType.put(actionType(name), new RemediationPolicy.Limit(limit.count(),
				limit.percent())));
		return new RemediationPolicy(byType, this.leaverGrace, this.leaverGraceRuns, this.driftGraceRuns,
				this.newAccountGrace, this.allowAdmins, this.allowFirstRun, null);
	}

	private static ActionType actionType(String name) {
		String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (ActionType type : ActionType.values()) {
			if (type != ActionType.FLAG_FOR_REVIEW && type.name().equals(key)) {
				return type;
			}
		}
		throw new ConfigException("idsync.remediation.limits." + name + ": not an action type with a limit. Use "
				+ "disable, enable, approve or revoke-tokens.");
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new ConfigException("idsync.remediation." + property + " must be positive, e.g. 7d.");
		}
	}

	private static void atLeastOne(String property, int value) {
		if (value < 1) {
			throw new ConfigException("idsync.remediation." + property + ": " + value + " is too small. Use 1 or more.");
		}
	}

	/**
	 * A blast-radius limit: the smaller of the two, and at least 1 unless either is 0, which allows none. Bound once
	 * per action type, it names its properties relative to its own {@code idsync.remediation.limits.<type>}; the
	 * loader adds that prefix and the line.
	 *
	 * @param count the most actions of the type in one run (default 10)
	 * @param percent the most actions of the type in one run, in percent of the human accounts rounded up (default
	 * 2)
	 */
	public record Limit(@DefaultValue("10") int count, @DefaultValue("2") double percent) {

		public Limit {
			if (count < 0) {
				throw new ConfigException("count: " + count + " is negative. Use 0 or more (default 10).");
			}
			if (!(percent >= 0 && percent <= 100)) {
				throw new ConfigException("percent: " + percent + " is out of range. Use 0 to 100 (default 2).");
			}
		}

	}

}
