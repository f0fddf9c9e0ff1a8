package dev.idsync.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.idsync.domain.ActionType;
import dev.idsync.domain.GateResult;

/**
 * The run-level safety gates: any incomplete source, the first run against an empty link store, and a blast radius
 * over its limit (see {@link RemediationPolicy.Limit#allowed}) each stop every action of the run. A pure function of
 * the run's facts and counts.
 */
public final class Gates {

	/** How an admin allows one run's mass change. */
	public static final String ALLOW_MASS_CHANGE = "--allow-mass-change";

	private Gates() {
	}

	/**
	 * Evaluates the gates.
	 * @param facts the run's facts
	 * @param calledFor for each action type, how many actions the findings call for, those held by grace periods
	 * included (so that a mass departure trips the gate the night it appears)
	 * @param held for each action type, how many of those a grace period holds back
	 * @param policy the policy
	 * @return every gate's outcome, in a stable order
	 */
	public static List<GateResult> evaluate(RunFacts facts, Map<ActionType, Long> calledFor,
			Map<ActionType, Long> held, RemediationPolicy policy) {
		List<GateResult> results = new ArrayList<>();
		results.add(completeness(facts));
		results.add(firstRun(facts, policy));
		for (Map.Entry<ActionType, RemediationPolicy.Limit> limit : policy.limits().entrySet().stream()
			.sorted(Map.Entry.comparingByKey()).toList()) {
			results.add(blastRadius(limit.getKey(), limit.getValue(), calledFor.getOrDefault(limit.getKey(), 0L),
					held.getOrDefault(limit.getKey(), 0L), facts, policy));
		}
		return results;
	}

	/** Whether every gate passed. */
	public static boolean passed(List<GateResult> results) {
		return results.stream().allMatch(GateResult::passed);
	}

	private static GateResult completeness(RunFacts facts) {
		if (facts.completeness().all()) {
			return new GateResult("completeness", true, "every source was read completely");
		}
		return new GateResult("completeness", false, "incomplete: " + String.join("; ", facts.completeness()
			.incomplete()) + ". No change is made while any source is incomplete or anomalous; fix the source and "
				+ "run again");
	}

	private static GateResult firstRun(RunFacts facts, RemediationPolicy policy) {
		if (!facts.firstRun()) {
			return new GateResult("first-run", true, "earlier runs have linked identities to accounts");
		}
		if (policy.allowFirstRun()) {
			return new GateResult("first-run", true, "first run against an empty link store, explicitly allowed");
		}
		return new GateResult("first-run", false, "first run against an empty link store: report-only. Review "
				+ facts.report() + "; the next run acts, or allow this one with --allow-first-run");
	}

	private static GateResult blastRadius(ActionType type, RemediationPolicy.Limit limit, long count, long held,
			RunFacts facts, RemediationPolicy policy) {
		String gate = "blast-radius:" + type.name();
		long allowed = limit.allowed(facts.population());
		String called = count + " " + type.name() + " called for" + ((held > 0) ? " (" + held + " of them held by "
				+ "grace periods)" : "");
		String limits = limits(limit, facts.population(), allowed);
		if (policy.allowMassChange() != null && count <= policy.allowMassChange() && count > allowed) {
			return new GateResult(gate, true, called + "; over " + limits + ", allowed for this run by "
					+ ALLOW_MASS_CHANGE + " " + policy.allowMassChange());
		}
		if (count <= allowed) {
			return new GateResult(gate, true, called + ", within " + limits);
		}
		return new GateResult(gate, false, called + ", over " + limits + ". Nothing is changed. Review "
				+ facts.report() + ", then allow this one run with " + ALLOW_MASS_CHANGE + " " + count);
	}

	/** The limit as configured and as it comes out for this population, so that an admin can check the sum. */
	private static String limits(RemediationPolicy.Limit limit, long population, long allowed) {
		return "the limit of " + limit.count() + " or " + percent(limit.percent()) + " of " + population
				+ " human accounts" + (limit.none() ? "" : " (rounded up, at least 1)") + ", here " + allowed;
	}

	private static String percent(double percent) {
		return ((percent == Math.rint(percent)) ? String.valueOf((long) percent) : String.valueOf(percent)) + " %";
	}

}
