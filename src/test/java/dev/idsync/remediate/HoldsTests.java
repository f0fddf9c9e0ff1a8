package dev.idsync.remediate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.Precondition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grace periods and never-touch rules, one action at a time.
 */
class HoldsTests {

	private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

	private static final Instant OLD_ACCOUNT = NOW.minus(Duration.ofDays(400));

	private static final RemediationPolicy POLICY = RemediationPolicy.defaults();

	@Test
	void holdWhenLeaverLeftLongAgoPerTheSourcesLetsTheDisableThrough() {
		ActionContext context = disable(Category.LEAVER_ACTIVE, history(NOW, 1), NOW.minus(Duration.ofDays(30)));

		assertThat(Holds.of(context, POLICY, NOW, Capabilities.ALL)).isEmpty();
	}

	@Test
	void holdWhenLeaverLeftYesterdayWaitsForTheGracePeriod() {
		ActionContext context = disable(Category.LEAVER_ACTIVE, history(NOW, 1), NOW.minus(Duration.ofDays(1)));

		Optional<Hold> hold = Holds.of(context, POLICY, NOW, Capabilities.ALL);

		assertThat(hold).get().extracting(Hold::status).isEqualTo(ActionStatus.HELD_GRACE);
		assertThat(hold.get().reason()).contains("inactive since 2026-11-29 per the identity sources")
			.contains("disabled on 2026-12-06").contains("7 consecutive complete runs (1 so far)");
	}

	@Test
	void holdWhenSourcesGiveNoDateCountsFromWhenIdsyncFirstSawTheLeaver() {
		ActionContext seenLongAgo = disable(Category.LEAVER_ACTIVE, history(NOW.minus(Duration.ofDays(8)), 3), null);
		ActionContext seenToday = disable(Category.LEAVER_ACTIVE, history(NOW, 1), null);
		ActionContext seenOften = disable(Category.LEAVER_ACTIVE, history(NOW.minus(Duration.ofDays(2)), 7), null);

		assertThat(Holds.of(seenLongAgo, POLICY, NOW, Capabilities.ALL)).isEmpty();
		assertThat(Holds.of(seenToday, POLICY, NOW, Capabilities.ALL)).get().extracting(Hold::reason).asString()
			.contains("as idsync first saw it");
		assertThat(Holds.of(seenOften, POLICY, NOW, Capabilities.ALL)).isEmpty();
	}

	@Test
	void holdWhenOrphanSeenOnceWaitsForASecondRun() {
		assertThat(Holds.of(disable(Category.ORPHAN, history(NOW, 1), null), POLICY, NOW, Capabilities.ALL)).get()
			.extracting(Hold::status).isEqualTo(ActionStatus.HELD_GRACE);
		assertThat(Holds.of(disable(Category.ORPHAN, history(NOW, 2), null), POLICY, NOW, Capabilities.ALL)).isEmpty();
	}

	@Test
	void holdWhenOrphanAccountIsNewWaitsUntilItIsOldEnough() {
		ActionContext young = new ActionContext(action(ActionType.DISABLE, Category.ORPHAN), history(NOW, 5), null,
				NOW.minus(Duration.ofDays(3)), false, false);

		assertThat(Holds.of(young, POLICY, NOW, Capabilities.ALL)).get().extracting(Hold::reason).asString()
			.contains("a new account").contains("on 2026-12-11");
	}

	@Test
	void holdNeverTouchesIdsyncsOwnBotNorAdminsUnlessAllowed() {
		ActionContext self = new ActionContext(action(ActionType.DISABLE, Category.ORPHAN), history(NOW, 9), null,
				OLD_ACCOUNT, false, true);
		ActionContext admin = new ActionContext(action(ActionType.DISABLE, Category.ORPHAN), history(NOW, 9), null,
				OLD_ACCOUNT, true, false);
		RemediationPolicy allowAdmins = new RemediationPolicy(POLICY.limits(), POLICY.leaverGrace(),
				POLICY.leaverGraceRuns(), POLICY.driftGraceRuns(), POLICY.newAccountGrace(), true, false, null);

		assertThat(Holds.of(self, allowAdmins, NOW, Capabilities.ALL)).get().extracting(Hold::status)
			.isEqualTo(ActionStatus.NEVER_TOUCHED);
		assertThat(Holds.of(admin, POLICY, NOW, Capabilities.ALL)).get().extracting(Hold::reason).asString()
			.contains("allow-admins");
		assertThat(Holds.of(admin, allowAdmins, NOW, Capabilities.ALL)).isEmpty();
	}

	@Test
	void holdWhenTokensCannotBeRevokedSaysHowToDoItByHand() {
		ActionContext revoke = new ActionContext(new Action(ActionType.REVOKE_TOKENS, "PHID-USER-1", "bob",
				Category.LEAVER_HAS_TOKENS, Precondition.DISABLED_WITH_TOKENS), history(NOW, 1), null, OLD_ACCOUNT,
				false, false);

		assertThat(Holds.of(revoke, POLICY, NOW, new Capabilities(true, false))).get().satisfies((hold) -> {
			assertThat(hold.status()).isEqualTo(ActionStatus.MANUAL);
			assertThat(hold.reason()).contains("bin/auth revoke --type conduit --from @bob");
		});
		assertThat(Holds.of(revoke, POLICY, NOW, Capabilities.ALL)).isEmpty();
	}

	@Test
	void holdWhenBotIsNoAdministratorLeavesApprovalsToAHuman() {
		ActionContext approve = new ActionContext(new Action(ActionType.APPROVE, "PHID-USER-1", "bob",
				Category.PENDING_APPROVAL, Precondition.NOT_APPROVED), history(NOW, 1), null, OLD_ACCOUNT, false, false);

		assertThat(Holds.of(approve, POLICY, NOW, new Capabilities(false, true))).get().extracting(Hold::reason)
			.asString().contains("People › Approval Queue");
		assertThat(Holds.of(approve, POLICY, NOW, Capabilities.ALL)).isEmpty();
	}

	@Test
	void holdWhenFlagForReviewIsForAHuman() {
		ActionContext flag = new ActionContext(new Action(ActionType.FLAG_FOR_REVIEW, "PHID-USER-1", "bob",
				Category.BOT_NO_OWNER, Precondition.NONE), null, null, OLD_ACCOUNT, false, false);

		assertThat(Holds.of(flag, POLICY, NOW, Capabilities.ALL)).get().extracting(Hold::status)
			.isEqualTo(ActionStatus.FOR_REVIEW);
		ActionContext stale = new ActionContext(new Action(ActionType.FLAG_FOR_REVIEW, "PHID-USER-2", "ci-bot",
				Category.TOKEN_STALE, Precondition.NONE), null, null, OLD_ACCOUNT, false, false);
		assertThat(Holds.of(stale, POLICY, NOW, Capabilities.ALL)).get().extracting(Hold::reason).asString()
			.contains("/settings/user/ci-bot/page/apitokens/").contains("bin/auth revoke --type conduit --from @ci-bot");
	}

	private static ActionContext disable(Category because, FindingHistory history, Instant inactiveSince) {
		return new ActionContext(action(ActionType.DISABLE, because), history, inactiveSince, OLD_ACCOUNT, false,
				false);
	}

	private static Action action(ActionType type, Category because) {
		return new Action(type, "PHID-USER-1", "bob", because, Precondition.ENABLED);
	}

	private static FindingHistory history(Instant firstSeen, int runs) {
		return new FindingHistory(firstSeen, runs, (runs == 1) ? FindingHistory.Change.NEW
				: FindingHistory.Change.PERSISTING);
	}

}
