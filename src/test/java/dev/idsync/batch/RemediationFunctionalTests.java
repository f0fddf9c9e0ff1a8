package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Mode;
import dev.idsync.report.ReportSchemaTests;
import dev.idsync.sim.Fault;
import dev.idsync.sim.Faults;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.Scenario;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.store.IdsyncStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remediation against the simulator: a dry run shows exactly what apply then does, a plan is applied as written
 * and undone, and a Phorge that fails halfway through leaves a journal from which a restart finishes the rest.
 */
public class RemediationFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(5, 600);

	private static final RunOptions ALLOW_ALL_DRY = new RunOptions(Mode.APPLY, true, 100_000, false, null);

	private static final RunOptions ALLOW_ALL = new RunOptions(Mode.APPLY, false, 100_000, false, null);

	@TempDir
	Path dir;

	@Test
	void dryRunShowsItemForItemWhatApplyThenDoesAndUndoReversesIt() throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			JobSettings settings = settings(simulator, List.of());
			// given a first night, which links identities to accounts and acts on nothing
			RunResult first = NightlySync.run(settings, "night-1", reports());
			assertThat(first.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(SimulatedRun.report(first).path("gates").toString()).contains("first run against an empty "
					+ "link store");

			// when the second night is a dry run of apply
			RunResult dry = NightlySync.run(settings, "night-2-dry", reports(), ALLOW_ALL_DRY);

			// then it changes nothing and shows what apply would do: the planted leavers left long ago
			assertThat(simulator.conduitCalls("user.edit")).isZero();
			JsonNode dryReport = SimulatedRun.report(dry);
			assertThat(ReportSchemaTests.violations(dryReport)).isEmpty();
			Set<String> wouldApply = actions(dryReport, "WOULD_APPLY");
			assertThat(wouldApply).anyMatch((action) -> action.startsWith("DISABLE ") && action.endsWith("LEAVER_ACTIVE"))
				.anyMatch((action) -> action.endsWith("ORPHAN"));
			assertThat(actions(dryReport, "NEVER_TOUCHED")).isNotEmpty();

			// and when the same state is planned, and the plan applied
			Path plan = this.dir.resolve("plan.json");
			RunResult planned = NightlySync.run(settings, "night-2-plan", reports(),
					new RunOptions(Mode.PLAN, false, 100_000, false, plan));
			assertThat(planned.plan()).isEqualTo(plan.toAbsolutePath());
			assertThat(actions(SimulatedRun.report(planned), "PLANNED")).isEqualTo(wouldApply);
			RunResult applied = NightlySync.applyPlan(settings, plan);

			// then apply did exactly what the dry run showed, each once
			assertThat(applied.failure()).isNull();
			assertThat(actions(SimulatedRun.report(applied), "APPLIED")).isEqualTo(wouldApply);
			assertThat(writesByAccount(simulator).values()).containsOnly(1);
			assertThat(writesByAccount(simulator)).hasSize(wouldApply.size());
			assertThat(journal("night-2-plan", "APPLIED")).isEqualTo(wouldApply.size());

			// and the same plan is refused a second time, an edited one always
			assertThat(NightlySync.applyPlan(settings, plan).failure()).contains("was applied already");
			Path edited = this.dir.resolve("edited.json");
			Files.writeString(edited, Files.readString(plan).replaceFirst("\"DISABLE\"", "\"ENABLE\""));
			assertThat(NightlySync.applyPlan(settings, edited).failure()).contains("edited after idsync wrote it");

			// and undo reverses every change, since nobody touched the accounts after idsync
			NightlySync.UndoResult undo = NightlySync.undo(settings, "night-2-plan", "undo-1");
			assertThat(undo.failure()).isNull();
			assertUndone(undo.journal(), wouldApply.size());
			assertThat(writesByAccount(simulator).values()).containsOnly(1, 2);
			assertThat(writesByAccount(simulator).values().stream().filter((n) -> n == 1)).hasSize(
					(int) wouldApply.stream().filter((action) -> action.startsWith("REVOKE_TOKENS")).count());
			RunResult after = NightlySync.run(settings, "night-3-dry", reports(), ALLOW_ALL_DRY);
			assertThat(actions(SimulatedRun.report(after), "WOULD_APPLY")).isEqualTo(wouldApply.stream()
				.filter((action) -> !action.startsWith("REVOKE_TOKENS")).collect(java.util.stream.Collectors.toSet()));
		}
	}

	@Test
	void phorgeFailingHalfwayThroughApplyLeavesAConsistentJournalAndARestartFinishesTheRest() throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC(),
				new Faults(List.of(Fault.parse("conduit-write:http500:4"))), OktaSimServer.DEFAULT_USERS_PER_MINUTE)) {
			JobSettings settings = settings(simulator, SimulatedRun.FAST_RETRIES);
			NightlySync.run(settings, "night-1", reports());

			// when Phorge fails from the fourth write on
			RunResult failed = NightlySync.run(settings, "night-2", reports(), ALLOW_ALL);

			// then the run stops at the first failure, with three writes applied and journalled, none pending
			assertThat(failed.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(failed.failure()).contains("applying stopped at").contains("idsync run --restart night-2");
			assertThat(journal("night-2", "APPLIED")).isEqualTo(3);
			assertThat(journal("night-2", "FAILED")).isEqualTo(1);
			assertThat(journal("night-2", "INTENT")).isZero();
			assertThat(writesByAccount(simulator)).hasSize(3);

			// when Phorge answers again and the run is restarted
			simulator.faults().heal();
			RunResult restarted = NightlySync.restart(settings, "night-2");

			// then the rest is applied, nothing twice
			assertThat(restarted.failure()).isNull();
			JsonNode report = SimulatedRun.report(restarted);
			Set<String> applied = actions(report, "APPLIED");
			assertThat(applied).isNotEmpty();
			assertThat(actions(report, "PENDING")).isEmpty();
			assertThat(actions(report, "FAILED")).isEmpty();
			assertThat(writesByAccount(simulator)).hasSize(applied.size());
			assertThat(writesByAccount(simulator).values()).containsOnly(1);
		}
	}

	@Test
	void massDepartureAboveTheLimitDisablesNobodyExitsThreeAndTheReportSaysWhy() throws Exception {
		// given a first night of the organisation as it is
		try (Simulator before = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			NightlySync.run(settings(before, List.of()), "night-1", reports());
		}
		// when the next night 30 % of the people are suddenly inactive in the identity providers
		SyntheticOrg departed = OrgGenerator.generate(5, 600, Scenario.parse("mass-departure:30"));
		try (Simulator after = Simulator.start(departed, SimPorts.ephemeral(), Clock.systemUTC())) {
			RunResult result = NightlySync.run(settings(after, List.of()), "night-2", reports(),
					new RunOptions(Mode.APPLY, false, null, false, null));

			// then nobody is disabled: the gate counts the departures that grace periods still hold back
			assertThat(result.exitCode()).isEqualTo(ExitCode.GATE_STOPPED);
			assertThat(after.conduitCalls("user.edit")).isZero();
			JsonNode report = SimulatedRun.report(result);
			assertThat(report.path("exitCode").asInt()).isEqualTo(3);
			JsonNode gate = report.path("gates").get(2);
			assertThat(gate.path("gate").asString()).isEqualTo("blast-radius:DISABLE");
			assertThat(gate.path("passed").asBoolean()).isFalse();
			assertThat(gate.path("message").asString()).contains("held by grace periods").contains("Nothing is changed")
				.contains("--allow-mass-change");
			assertThat(report.path("summary").path("actionsByStatus").path("APPLIED").asInt()).isZero();
			assertThat(report.path("summary").path("actionsByStatus").path("HELD_GRACE").asInt()).isGreaterThan(100);
			assertThat(Files.readString(result.reportDir().resolve("report.md")))
				.contains("a safety gate stopped actions (exit 3)").contains("Safety gate blast-radius:DISABLE");
		}
	}

	private JobSettings settings(Simulator simulator, List<String> properties) throws Exception {
		List<String> all = new java.util.ArrayList<>(properties);
		all.add("remediation.writes-per-minute: 60000");
		return SimulatedRun.settings(simulator, store(), this.dir, all);
	}

	private String store() {
		return "jdbc:h2:file:" + this.dir.resolve("idsync");
	}

	private Path reports() {
		return this.dir.resolve("reports");
	}

	private long journal(String runId, String status) {
		try (IdsyncStore store = IdsyncStore.open(store(), "sa", "")) {
			Long count = new JdbcTemplate(store.dataSource()).queryForObject(
					"SELECT COUNT(*) FROM action_journal WHERE run_id = ? AND status = ?", Long.class, runId, status);
			return (count != null) ? count : 0;
		}
	}

	/** Each report action with this status, as {@code TYPE @username BECAUSE}. */
	public static Set<String> actions(JsonNode report, String status) {
		Set<String> actions = new TreeSet<>();
		for (JsonNode action : report.path("actions")) {
			if (action.path("status").asString().equals(status)) {
				actions.add(action.path("type").asString() + " @" + action.path("username").asString() + " "
						+ action.path("because").asString());
			}
		}
		return actions;
	}

	/**
	 * How many changes Phorge recorded for each account since the simulator started: its own transaction log of
	 * disables, enables and approvals, and one more for an account whose API tokens were terminated.
	 */
	public static Map<String, Integer> writesByAccount(Simulator simulator) {
		Map<String, Integer> writes = new HashMap<>();
		JdbcTemplate phorge = new JdbcTemplate(simulator.phorgeDatabase().dataSource());
		long started = simulator.started().getEpochSecond();
		phorge.query("SELECT `objectPHID`, COUNT(*) AS n FROM `phabricator_user`.`user_transaction` WHERE "
				+ "`dateCreated` >= ? GROUP BY `objectPHID`", (java.sql.ResultSet rs) -> {
					writes.put(rs.getString(1), rs.getInt(2));
				}, started);
		phorge.query("SELECT DISTINCT `objectPHID` FROM `phabricator_conduit`.`conduit_token` WHERE `dateModified` >= ? "
				+ "AND `expires` IS NOT NULL AND `expires` <= `dateModified`", (java.sql.ResultSet rs) -> {
					writes.merge(rs.getString(1), 1, Integer::sum);
				}, started);
		return writes;
	}

	/** Undo reverses every change but token revocations, which Phorge cannot undo: those it skips, saying why. */
	static void assertUndone(List<String> journal, int changes) {
		assertThat(journal).hasSize(changes).allSatisfy((line) -> assertThat(line).satisfiesAnyOf(
				(undone) -> assertThat(undone).contains(": APPLIED"),
				(revoked) -> assertThat(revoked).contains("REVOKE_TOKENS").contains("SKIPPED")
					.contains("terminated tokens cannot be revived")));
	}

}
