package dev.idsync.remediate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.MatchMethod;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(action.precondition()).contains("enabled");
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

	private static Finding finding(Category category, MatchMethod method) {
		return new Finding(category, "bob", "PHID-USER-bob", "bob@example.com", "rule", List.of("fact"), method);
	}

}
