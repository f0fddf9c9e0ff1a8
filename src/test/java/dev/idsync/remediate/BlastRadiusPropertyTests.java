package dev.idsync.remediate;

import java.time.Duration;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import dev.idsync.domain.ActionType;
import dev.idsync.domain.Completeness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blast-radius limit at every instance size from 1 to 100,000 human accounts: the smaller of {@code count} and
 * {@code percent} of the human accounts rounded up, never below 1, so that one leaver a night passes in a small
 * instance while a mass departure still trips the gate. Percentages are drawn in hundredths (0.01 % to 100 %), so
 * that the expected share is exact integer arithmetic: {@code ceil(hundredths × humans / 10,000)}.
 */
class BlastRadiusPropertyTests {

	/** Below this many human accounts, 30 % of them rounded up is a single person, whom the gate lets through. */
	private static final int SMALLEST_MASS_DEPARTURE = 4;

	@Property
	void gateWhenOneActionIsCalledForThenItPassesAtEverySize(@ForAll @IntRange(min = 1, max = 100_000) int humans,
			@ForAll @IntRange(min = 1, max = 1_000_000) int count,
			@ForAll @IntRange(min = 1, max = 10_000) int hundredths) {
		// given
		RemediationPolicy policy = policy(new RemediationPolicy.Limit(count, hundredths / 100.0));

		// when
		boolean passed = passes(humans, 1, policy);

		// then
		assertThat(passed).isTrue();
	}

	@Property
	void limitWhenAnySizeThenTheSmallerOfCountAndThePercentageRoundedUp(
			@ForAll @IntRange(min = 1, max = 100_000) int humans, @ForAll @IntRange(min = 1, max = 1_000_000) int count,
			@ForAll @IntRange(min = 1, max = 10_000) int hundredths) {
		// given
		RemediationPolicy.Limit limit = new RemediationPolicy.Limit(count, hundredths / 100.0);
		long share = ceilingOfShare(hundredths, humans);

		// when
		long allowed = limit.allowed(humans);

		// then: a positive share of at least one account rounds up to 1 or more, so the floor of 1 never lifts it
		assertThat(allowed).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(count).isLessThanOrEqualTo(share)
			.isEqualTo(Math.min(count, share));
	}

	@Property
	void gateWhenTheLimitIsCalledForThenItPassesAndOneMoreIsStopped(
			@ForAll @IntRange(min = 1, max = 100_000) int humans, @ForAll @IntRange(min = 1, max = 1_000_000) int count,
			@ForAll @IntRange(min = 1, max = 10_000) int hundredths) {
		// given
		RemediationPolicy policy = policy(new RemediationPolicy.Limit(count, hundredths / 100.0));
		long limit = Math.min(count, ceilingOfShare(hundredths, humans));

		// when, then
		assertThat(passes(humans, limit, policy)).isTrue();
		assertThat(passes(humans, limit + 1, policy)).isFalse();
	}

	@Property
	void gateWhenAThirdLeaveWithTheDefaultsThenItStopsFromFourHumansOn(
			@ForAll @IntRange(min = 1, max = 100_000) int humans) {
		// given: 30 % of the human accounts leave, rounded up (at least one person)
		long departures = ceilingOfShare(3_000, humans);

		// when
		boolean passed = passes(humans, departures, RemediationPolicy.defaults());

		// then: from 4 accounts on, 30 % rounded up is 2 people or more and more than 2 % rounded up (0.28 × 4 > 1);
		// below, the departure is a single leaver, who passes like any one action
		assertThat(passed).isEqualTo(humans < SMALLEST_MASS_DEPARTURE);
	}

	@Property
	void gateWhenTheDefaultsThenOneLeaverPassesAndTwoAreStoppedUpToFiftyHumans(
			@ForAll @IntRange(min = 1, max = 100_000) int humans) {
		// given
		RemediationPolicy defaults = RemediationPolicy.defaults();

		// when, then: 2 % of at most 50 accounts rounds up to 1, of more to 2 or more
		assertThat(passes(humans, 1, defaults)).isTrue();
		assertThat(passes(humans, 2, defaults)).isEqualTo(humans > 50);
	}

	@Property
	void gateWhenCountOrPercentIsZeroThenNoActionPasses(@ForAll @IntRange(min = 0, max = 100_000) int humans,
			@ForAll @IntRange(min = 0, max = 100) int count, @ForAll @IntRange(min = 0, max = 100) int percent) {
		// given a limit an administrator set to 0 on purpose: the floor of 1 does not override it
		RemediationPolicy policy = policy(new RemediationPolicy.Limit((percent == 0) ? count : 0, percent));

		// when
		boolean passed = passes(humans, 1, policy);

		// then
		assertThat(passed).isFalse();
	}

	/** {@code hundredths / 100} % of {@code humans}, rounded up, in exact integer arithmetic. */
	private static long ceilingOfShare(long hundredths, long humans) {
		return (hundredths * humans + 9_999) / 10_000;
	}

	private static boolean passes(int humans, long disables, RemediationPolicy policy) {
		RunFacts facts = new RunFacts(Completeness.complete(), false, humans, "r");
		return Gates.passed(Gates.evaluate(facts, Map.of(ActionType.DISABLE, disables), Map.of(), policy));
	}

	private static RemediationPolicy policy(RemediationPolicy.Limit disable) {
		return new RemediationPolicy(Map.of(ActionType.DISABLE, disable), Duration.ofDays(7), 7, 2,
				Duration.ofDays(14), false, false, null);
	}

}
