package dev.idsync.remediate;

import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import dev.idsync.domain.ActionType;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.GateResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-level safety gates.
 */
class GatesTests {

	private static final RemediationPolicy POLICY = RemediationPolicy.defaults();

	private static final RunFacts NORMAL = new RunFacts(Completeness.complete(), false, 2_000, "var/reports/r/report.json");

	@Test
	void gatesWhenEverythingIsWithinTheLimitsPass() {
		List<GateResult> gates = Gates.evaluate(NORMAL, Map.of(ActionType.DISABLE, 10L), Map.of(), POLICY);

		assertThat(Gates.passed(gates)).isTrue();
		assertThat(gates).extracting(GateResult::gate).containsExactly("completeness", "first-run",
				"blast-radius:DISABLE", "blast-radius:ENABLE", "blast-radius:REVOKE_TOKENS", "blast-radius:APPROVE");
	}

	@Test
	void gatesWhenMassDepartureCountHeldActionsTooAndSayHowToAllowIt() {
		List<GateResult> gates = Gates.evaluate(NORMAL, Map.of(ActionType.DISABLE, 600L),
				Map.of(ActionType.DISABLE, 590L), POLICY);

		GateResult disable = gates.get(2);
		assertThat(disable.passed()).isFalse();
		assertThat(disable.message()).contains("600 DISABLE called for (590 of them held by grace periods)")
			.contains("over the limit of 10 or 2 % of 2000 human accounts (rounded up, at least 1), here 10")
			.contains("Nothing is changed")
			.contains("var/reports/r/report.json").contains("--allow-mass-change 600");
		assertThat(Gates.passed(Gates.evaluate(NORMAL, Map.of(ActionType.DISABLE, 600L), Map.of(),
				POLICY.allowingMassChange(600)))).isTrue();
		assertThat(Gates.passed(Gates.evaluate(NORMAL, Map.of(ActionType.DISABLE, 600L), Map.of(),
				POLICY.allowingMassChange(599)))).isFalse();
	}

	@Test
	void gatesWhenPopulationIsSmallThePercentageIsTheLimit() {
		RunFacts small = new RunFacts(Completeness.complete(), false, 200, "r");

		assertThat(Gates.passed(Gates.evaluate(small, Map.of(ActionType.DISABLE, 4L), Map.of(), POLICY))).isTrue();
		assertThat(Gates.passed(Gates.evaluate(small, Map.of(ActionType.DISABLE, 5L), Map.of(), POLICY))).isFalse();
	}

	@Test
	void gatesWhenTheInstanceIsSmallLetOneLeaverANightThrough() {
		// given: 2 % of 21 human accounts is 0.42
		RunFacts small = new RunFacts(Completeness.complete(), false, 21, "r");

		// when
		List<GateResult> one = Gates.evaluate(small, Map.of(ActionType.DISABLE, 1L), Map.of(), POLICY);
		List<GateResult> two = Gates.evaluate(small, Map.of(ActionType.DISABLE, 2L), Map.of(), POLICY);

		// then
		assertThat(Gates.passed(one)).isTrue();
		assertThat(one.get(2).message()).isEqualTo("1 DISABLE called for, within the limit of 10 or 2 % of 21 human "
				+ "accounts (rounded up, at least 1), here 1");
		assertThat(Gates.passed(two)).isFalse();
	}

	@Test
	void gatesWhenThePercentageHasDecimalsRoundUpExactly() {
		// given: 0.07 * 10000 / 100 is 7.000000000000001 in binary floating point
		RemediationPolicy policy = new RemediationPolicy(Map.of(ActionType.DISABLE, new RemediationPolicy.Limit(100,
				0.07)), POLICY.leaverGrace(), 7, 2, POLICY.newAccountGrace(), false, false, null);
		RunFacts facts = new RunFacts(Completeness.complete(), false, 10_000, "r");

		// when, then
		assertThat(Gates.passed(Gates.evaluate(facts, Map.of(ActionType.DISABLE, 7L), Map.of(), policy))).isTrue();
		assertThat(Gates.passed(Gates.evaluate(facts, Map.of(ActionType.DISABLE, 8L), Map.of(), policy))).isFalse();
	}

	@Test
	void gatesWhenACountOfZeroIsConfiguredLetNoActionOfTheTypeThrough() {
		// given
		RemediationPolicy policy = new RemediationPolicy(Map.of(ActionType.APPROVE, new RemediationPolicy.Limit(0,
				2)), POLICY.leaverGrace(), 7, 2, POLICY.newAccountGrace(), false, false, null);

		// when
		List<GateResult> gates = Gates.evaluate(NORMAL, Map.of(ActionType.APPROVE, 1L), Map.of(), policy);

		// then
		assertThat(Gates.passed(gates)).isFalse();
		assertThat(gates).filteredOn((gate) -> !gate.passed()).singleElement()
			.satisfies((gate) -> assertThat(gate.message()).contains("over the limit of 0 or 2 % of 2000 human "
					+ "accounts, here 0").contains("--allow-mass-change 1"));
	}

	@Test
	void gatesWhenASourceIsIncompleteStopEverything() {
		RunFacts incomplete = new RunFacts(new Completeness(false, true, List.of("okta: HTTP 500 on page 2")), false,
				2_000, "r");

		List<GateResult> gates = Gates.evaluate(incomplete, Map.of(ActionType.DISABLE, 1L), Map.of(), POLICY);

		assertThat(gates.get(0).passed()).isFalse();
		assertThat(gates.get(0).message()).contains("okta: HTTP 500 on page 2");
	}

	@Test
	void gatesWhenFirstRunAreReportOnlyUnlessAllowed() {
		RunFacts first = new RunFacts(Completeness.complete(), true, 2_000, "r");

		assertThat(Gates.evaluate(first, Map.of(), Map.of(), POLICY).get(1).message()).contains("--allow-first-run");
		assertThat(Gates.passed(Gates.evaluate(first, Map.of(), Map.of(), POLICY))).isFalse();
		assertThat(Gates.passed(Gates.evaluate(first, Map.of(), Map.of(), POLICY.allowingFirstRun()))).isTrue();
	}

	@Property
	void gatesNeverLetMoreThanTheLimitThrough(@ForAll @IntRange(min = 0, max = 100_000) int population,
			@ForAll @IntRange(min = 0, max = 5_000) int disables, @ForAll @IntRange(min = 0, max = 5_000) int held) {
		RunFacts facts = new RunFacts(Completeness.complete(), false, population, "r");
		long called = (long) disables + held;

		boolean passed = Gates.passed(Gates.evaluate(facts, Map.of(ActionType.DISABLE, called),
				Map.of(ActionType.DISABLE, (long) held), POLICY));

		assertThat(passed).isEqualTo(called <= Math.max(1, Math.min(10, (population * 2 + 99) / 100)));
	}

}
