package dev.idsync.remediate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.LiveAccount;
import dev.idsync.domain.Precondition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Applying actions: preconditions re-checked, every write journalled before and after, crashes settled against live
 * state, undo only where the account is as idsync left it.
 */
class ApplierTests {

	private final FakePhorge phorge = new FakePhorge();

	private final FakeJournal journal = new FakeJournal();

	private final List<Duration> waits = new ArrayList<>();

	private Applier applier;

	private WriteRules rules = new WriteRules(List.of(), "PHID-USER-idsync", false, LocalDate.of(2026, 11, 30));

	@BeforeEach
	void setUp() {
		this.phorge.add("PHID-USER-ann", false, true);
		this.phorge.add("PHID-USER-bob", false, true);
		this.phorge.add("PHID-USER-cat", true, true);
		this.applier = new Applier(this.phorge, this.journal, new Pacer(60,
				Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC), this.waits::add),
				() -> this.rules);
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

	@Test
	void applyWhenTargetWasExemptedSincePlanningSkipsAndJournalsTheRefusal() {
		// given ann's disable was planned; then an admin exempted her
		this.rules = new WriteRules(List.of(new Exemption("Ann", "it-ops", "contractor until March",
				LocalDate.of(2027, 3, 1), "exemptions.csv:2")), "PHID-USER-idsync", false, LocalDate.of(2026, 11, 30));

		// when
		Applier.Settled settled = this.applier.apply("r1", disable("ann"), live("ann"));

		// then
		assertThat(settled.status()).isEqualTo(ActionStatus.SKIPPED);
		assertThat(settled.reason()).startsWith("refused by the write guard: exempt until 2027-03-01, owner it-ops");
		assertThat(this.phorge.writes).isEmpty();
		assertThat(this.journal.rows).singleElement().satisfies((row) -> {
			assertThat(row.status()).isEqualTo("SKIPPED");
			assertThat(row.detail()).isEqualTo(settled.reason());
		});
	}

	@Test
	void applyWhenExemptionExpiredWrites() {
		this.rules = new WriteRules(List.of(new Exemption("ann", "it-ops", "contractor", LocalDate.of(2026, 11, 29),
				"exemptions.csv:2")), "PHID-USER-idsync", false, LocalDate.of(2026, 11, 30));

		assertThat(this.applier.apply("r1", disable("ann"), live("ann")).status()).isEqualTo(ActionStatus.APPLIED);
	}

	@Test
	void applyWhenTargetIsProtectedOwnBotOrAdministratorNeverWrites() {
		this.phorge.add("PHID-USER-idsync", false, true);
		this.phorge.accounts.put("PHID-USER-root", new LiveAccount("PHID-USER-root", "root", false, true, false, null,
				true));
		this.rules = new WriteRules(List.of(new Exemption("bob", "idsync configuration", "protected account", null,
				"idsync.reconcile.protected-accounts")), "PHID-USER-idsync", false, LocalDate.of(2026, 11, 30));

		assertThat(this.applier.apply("r1", disable("bob"), live("bob")).reason()).contains("protected account");
		assertThat(this.applier.apply("r1", disable("idsync"), live("idsync")).reason()).contains("own bot");
		assertThat(this.applier.apply("r1", disable("root"), live("root")).reason()).contains("administrator");
		assertThat(this.phorge.writes).isEmpty();
	}

	@Test
	void undoWhenTargetWasExemptedSinceSkipsIt() {
		this.applier.apply("r1", disable("ann"), live("ann"));
		this.rules = new WriteRules(List.of(new Exemption("ann", "it-ops", "legal hold", LocalDate.of(2027, 1, 1),
				"exemption table #3")), "PHID-USER-idsync", false, LocalDate.of(2026, 11, 30));

		Applier.Settled undone = this.applier.undo("u1", entry(0), live("ann"));

		assertThat(undone.status()).isEqualTo(ActionStatus.SKIPPED);
		assertThat(this.phorge.accounts.get("PHID-USER-ann").disabled()).isTrue();
	}

	@Test
	void applyWhenRulesCannotBeReadWritesNothing() {
		Applier blind = new Applier(this.phorge, this.journal, new Pacer(60, Clock.systemUTC(), this.waits::add), () -> {
			throw new IllegalStateException("idsync no longer holds the run lock on its store");
		});

		assertThatIllegalStateException().isThrownBy(() -> blind.apply("r1", disable("ann"), live("ann")))
			.withMessageContaining("run lock");
		assertThat(this.phorge.writes).isEmpty();
		assertThat(this.journal.rows).isEmpty();
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
