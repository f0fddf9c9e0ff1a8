package dev.idsync.remediate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Precondition;
import dev.idsync.domain.MatchMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlannerTests {

	@Test
	void planWhenLeaverMatchedByEmailDisables() {
		assertThat(Planner.plan(finding(Category.LEAVER_ACTIVE, MatchMethod.EMAIL))).get()
			.extracting(Action::type)
			.isEqualTo(ActionType.DISABLE);
	}

	@Test
	void planWhenLeaverMatchedOnlyByUsernameAsksAHuman() {
		assertThat(Planner.plan(finding(Category.LEAVER_ACTIVE, MatchMethod.USERNAME))).get()
			.extracting(Action::type)
			.isEqualTo(ActionType.FLAG_FOR_REVIEW);
	}

	@Test
	void planWhenLeaverMatchedOnlyByAnUnverifiedAddressAsksAHuman() {
		assertThat(Planner.plan(finding(Category.LEAVER_ACTIVE, MatchMethod.UNVERIFIED_EMAIL))).get()
			.extracting(Action::type)
			.isEqualTo(ActionType.FLAG_FOR_REVIEW);
		assertThat(Planner.plan(finding(Category.PENDING_APPROVAL, MatchMethod.UNVERIFIED_EMAIL))).get()
			.extracting(Action::type)
			.isEqualTo(ActionType.FLAG_FOR_REVIEW);
	}

	@Test
	void planWhenOrphanDisables() {
		Action action = Planner.plan(finding(Category.ORPHAN, null)).orElseThrow();
		assertThat(action.type()).isEqualTo(ActionType.DISABLE);
		assertThat(action.precondition()).isEqualTo(Precondition.ENABLED);
		assertThat(action.because()).isEqualTo(Category.ORPHAN);
	}

	@Test
	void planWhenConsistentOrDisputedDoesNothing() {
		for (Category category : List.of(Category.LINKED_OK, Category.DISPUTED, Category.MAILING_LIST,
				Category.UNLINKED_DISABLED)) {
			assertThat(Planner.plan(finding(category, MatchMethod.EMAIL))).as(category.name()).isEmpty();
		}
	}

	@Test
	void planWhenJoinerDoesNothing() {
		Finding joiner = new Finding(Category.JOINER_NO_ACCOUNT, null, null, "new@example.com", "rule", List.of(),
				null);
		assertThat(Planner.plan(joiner)).isEmpty();
	}

	@Test
	void planWhenReenableCandidateEnablesOnlyAtHighConfidence() {
		// given an account idsync disabled, whose person is active again, tied by each method
		for (MatchMethod method : MatchMethod.values()) {
			// when
			Action action = Planner.plan(finding(Category.REENABLE_CANDIDATE, method)).orElseThrow();

			// then
			assertThat(action.type()).as(method.name())
				.isEqualTo((method.confidence() == Confidence.HIGH) ? ActionType.ENABLE : ActionType.FLAG_FOR_REVIEW);
			assertThat(action.because()).isEqualTo(Category.REENABLE_CANDIDATE);
		}
		assertThat(Planner.plan(finding(Category.REENABLE_CANDIDATE, MatchMethod.EMAIL)).orElseThrow().precondition())
			.isEqualTo(Precondition.DISABLED_BY_IDSYNC);
	}

	@Test
	void planWhenDisabledAccountHoldsTokensRevokesThem() {
		// given
		Finding leftover = finding(Category.LEAVER_HAS_TOKENS, null);

		// when
		Action action = Planner.plan(leftover).orElseThrow();

		// then
		assertThat(action.type()).isEqualTo(ActionType.REVOKE_TOKENS);
		assertThat(action.because()).isEqualTo(Category.LEAVER_HAS_TOKENS);
		assertThat(action.phid()).isEqualTo("PHID-USER-bob");
		assertThat(action.precondition()).isEqualTo(Precondition.DISABLED_WITH_TOKENS);
	}

	@Test
	void planWhenLowConfidenceCandidateDoesNothing() {
		assertThat(Planner.plan(finding(Category.UNLINKED_CANDIDATE, MatchMethod.REAL_NAME))).isEmpty();
	}

	@Test
	void planAccountWhenExemptIsEmpty() {
		// given an exempt account with privilege and token findings, and an account whose exemption expired
		List<Finding> exempt = List.of(finding(Category.EXEMPT, MatchMethod.EMAIL),
				finding(Category.PRIVILEGED_DRIFT, MatchMethod.EMAIL), finding(Category.TOKEN_STALE, MatchMethod.EMAIL),
				finding(Category.LEAVER_HAS_TOKENS, MatchMethod.EMAIL));
		List<Finding> notExempt = List.of(finding(Category.LEAVER_ACTIVE, MatchMethod.EMAIL),
				finding(Category.EXEMPTION_EXPIRED, MatchMethod.EMAIL), finding(Category.TOKEN_STALE, MatchMethod.EMAIL));

		// when
		List<Action> none = Planner.planAccount(exempt);
		List<Action> actions = Planner.planAccount(notExempt);

		// then
		assertThat(none).isEmpty();
		assertThat(actions).extracting(Action::type, Action::because)
			.containsExactly(tuple(ActionType.DISABLE, Category.LEAVER_ACTIVE),
					tuple(ActionType.FLAG_FOR_REVIEW, Category.TOKEN_STALE));
	}

	private static Finding finding(Category category, MatchMethod method) {
		return new Finding(category, "bob", "PHID-USER-bob", "bob@example.com", "rule", List.of("fact"), method);
	}

}
