package dev.idsync.remediate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.LiveAccount;
import dev.idsync.domain.Precondition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying actions: preconditions re-checked, every write journalled before and after, crashes settled against live
 * state, undo only where the account is as idsync left it.
 */
class ApplierTests {

	private final FakePhorge phorge = new FakePhorge();

	private final FakeJournal journal = new FakeJournal();

	private final List<Duration> waits = new ArrayList<>();

	private Applier applier;

	@BeforeEach
	void setUp() {
		this.phorge.add("PHID-USER-ann", false, true);
		this.phorge.add("PHID-USER-bob", false, true);
		this.phorge.add("PHID-USER-cat", true, true);
		this.applier = new Applier(this.phorge, this.journal, new Pacer(60,
				Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC), this.waits::add));
	}

	@Test
	void applyWhenPreconditionHoldsJournalsIntentThenOutcome() {
		Applier.Settled settled = this.applier.apply("r1", disable("ann"), live("ann"));

		assertThat(settled.status()).isEqualTo(ActionStatus.APPLIED);
		assertThat(this.phorge.accounts.get("PHID-USER-ann").disabled()).isTrue();
		assertThat(this.journal.rows).singleElement().extracting(FakeJournal.Row::status).isEqualTo("APPLIED");
	}

	@Test
	void applyWhenPreconditionNoLongerHoldsSkipsWithItsReason() {
		Applier.Settled settled = this.applier.apply("r1", disable("cat"), live("cat"));

		assertThat(settled.status()).isEqualTo(ActionStatus.SKIPPED);
		assertThat(settled.reason()).contains("account is enabled").contains("disabled, approved now");
		assertThat(this.phorge.writes).isEmpty();
		assertThat(this.applier.apply("r1", disable("gone"), null).reason()).contains("no longer exists");
	}

	@Test
	void applyWhenWriteFailsRecordsFailureAndStops() {
		this.phorge.failures = 1;

		Applier.Settled settled = this.applier.apply("r1", disable("ann"), live("ann"));

		assertThat(settled.stops()).isTrue();
		assertThat(settled.status()).isEqualTo(ActionStatus.FAILED);
		assertThat(this.journal.rows).singleElement().extracting(FakeJournal.Row::status).isEqualTo("FAILED");
		assertThat(this.phorge.accounts.get("PHID-USER-ann").disabled()).isFalse();
	}

	@Test
	void applyWhenAnswerIsLostAfterTheWriteReadsBackAndCountsItApplied() {
		this.phorge.failures = 1;
		this.phorge.failAfterWrite = true;

		Applier.Settled settled = this.applier.apply("r1", disable("ann"), live("ann"));

		assertThat(settled.status()).isEqualTo(ActionStatus.APPLIED);
		assertThat(settled.reason()).contains("confirmed by reading the account back");
		assertThat(this.phorge.writes).containsEntry("PHID-USER-ann", 1);
	}

	@Test
	void recoverWhenCrashLeftIntentsSettlesEachAgainstLiveState() {
		// given two intents a crash left without outcome: ann's write went through, bob's did not
		this.journal.intent("r1", disable("ann"), live("ann"), null);
		this.phorge.setDisabled("PHID-USER-ann", true);
		this.journal.intent("r1", disable("bob"), live("bob"), null);

		// when
		List<Applier.Settled> settled = this.applier.recover();

		// then
		assertThat(settled).extracting(Applier.Settled::status).containsExactly(ActionStatus.APPLIED,
				ActionStatus.FAILED);
		assertThat(this.journal.pending()).isEmpty();
		assertThat(this.journal.settled("r1", disable("ann"))).contains(ActionStatus.APPLIED);
		assertThat(this.journal.settled("r1", disable("bob"))).isEmpty();
	}

	@Test
	void undoWhenAccountIsAsIdsyncLeftItReversesAndSkipsWhatSomeoneChanged() {
		// given ann and bob disabled by run r1; someone enabled bob again since
		this.applier.apply("r1", disable("ann"), live("ann"));
		this.applier.apply("r1", disable("bob"), live("bob"));
		this.phorge.setDisabled("PHID-USER-bob", false);

		// when
		Applier.Settled ann = this.applier.undo("u1", entry(0), live("ann"));
		Applier.Settled bob = this.applier.undo("u1", entry(1), live("bob"));

		// then
		assertThat(ann.status()).isEqualTo(ActionStatus.APPLIED);
		assertThat(this.phorge.accounts.get("PHID-USER-ann").disabled()).isFalse();
		assertThat(bob.status()).isEqualTo(ActionStatus.SKIPPED);
		assertThat(bob.reason()).contains("changed since idsync acted");
	}

	@Test
	void applyPacesWritesEvenly() {
		this.applier.apply("r1", disable("ann"), live("ann"));
		this.applier.apply("r1", disable("bob"), live("bob"));

		assertThat(this.waits).containsExactly(Duration.ofSeconds(1));
	}

	private Journal.Entry entry(int row) {
		FakeJournal.Row applied = this.journal.rows.get(row);
		return new Journal.Entry(applied.id(), applied.runId(), applied.action(), null);
	}

	private LiveAccount live(String name) {
		return this.phorge.accounts.get("PHID-USER-" + name);
	}

	private static Action disable(String name) {
		return new Action(ActionType.DISABLE, "PHID-USER-" + name, name, Category.LEAVER_ACTIVE, Precondition.ENABLED);
	}

}
