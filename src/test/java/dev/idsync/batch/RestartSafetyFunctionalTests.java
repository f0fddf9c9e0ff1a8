package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Mode;
import dev.idsync.sim.Fault;
import dev.idsync.sim.Faults;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart acts only on what its own inputs and the rules as they stand now allow, on H2 and on PostgreSQL: a run a
 * later run superseded is never restarted, and every write a restart makes passes the write guard against the
 * exemptions and protected accounts declared at that moment.
 */
class RestartSafetyFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(17, 600);

	private static final RunOptions APPLY = new RunOptions(Mode.APPLY, false, 50, false, null);

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void restartOfAKilledRunAfterALaterRunIsRefusedAndWritesNothing(String platform) throws Exception {
		try (TestStore store = TestStore.of(platform, this.dir);
				Simulator simulator = RunLockFunctionalTests.slowSimulator()) {
			// given a complete night, then a night in apply mode killed (kill -9) while it reads Okta
			Path config = config(simulator, store);
			JobSettings settings = RunLockFunctionalTests.settings(config);
			Path reports = this.dir.resolve("reports");
			assertThat(NightlySync.run(settings, "night-1", reports).exitCode()).isEqualTo(ExitCode.DRIFT);
			long before = simulator.okta().requestCount();
			Process killed = ChildIdsync.start(this.dir.resolve("killed.log"), "run", "--config", config.toString(),
					"--mode", "apply", "--allow-mass-change", "50", "--report-dir", reports.toString());
			RunLockFunctionalTests.awaitReading(simulator, killed, before);
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
			String dead = store.text("SELECT run_id FROM idsync_run WHERE run_id <> 'night-1'");

			// when a normal night runs, and then the killed night is restarted
			RunResult third = NightlySync.run(settings, "night-3", reports);
			RunResult restarted = NightlySync.restart(settings, dead);

			// then the third night reports exactly the planted truth, exemptions and protected accounts included
			assertThat(third.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(SimulatedRun.findings(SimulatedRun.report(third)))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(simulator.org()))
				.anyMatch((finding) -> finding.startsWith("EXEMPT @"))
				.anyMatch((finding) -> finding.startsWith("EXEMPTION_EXPIRED @"));
			// and the restart is refused, naming why, and nothing was written to Phorge
			assertThat(restarted.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(restarted.refused()).isTrue();
			assertThat(restarted.failure()).startsWith("cannot restart: run " + dead + " was abandoned: its process ended while it held "
					+ "the store; run night-3 found it so at ").endsWith("Start a new run instead: idsync run --config "
							+ "FILE");
			assertThat(RemediationFunctionalTests.writesByAccount(simulator)).isEmpty();
			assertThat(simulator.conduitCalls("user.edit")).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void restartAfterAnExemptionWasAddedSkipsItsAccountAndAppliesTheRest(String platform) throws Exception {
		try (TestStore store = TestStore.of(platform, this.dir); Simulator simulator = failingWrites()) {
			// given a night in apply mode that stopped at its first write (Phorge failing)
			Path config = config(simulator, store);
			JobSettings settings = RunLockFunctionalTests.settings(config);
			Path reports = this.dir.resolve("reports");
			assertThat(NightlySync.run(settings, "night-1", reports).exitCode()).isEqualTo(ExitCode.DRIFT);
			RunResult stopped = NightlySync.run(settings, "night-2", reports, APPLY);
			assertThat(stopped.failure()).contains("applying stopped at");
			String failed = store.text("SELECT username FROM planned_action WHERE run_id = 'night-2' AND status = "
					+ "'FAILED'");

			// when an admin exempts that account in the exemptions file, Phorge recovers, and the night is restarted
			LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(30);
			Files.writeString(settings.properties().reconcile().exemptionsFile(), failed + ",it-ops,legal hold,"
					+ until + "\n", StandardOpenOption.APPEND);
			simulator.faults().heal();
			RunResult restarted = NightlySync.restart(settings, "night-2");

			// then the exempt account is skipped by the write guard, journalled, and every other action is applied
			assertThat(restarted.failure()).isNull();
			JsonNode report = SimulatedRun.report(restarted);
			List<String> skipped = new ArrayList<>();
			for (JsonNode action : report.path("actions")) {
				if (action.path("username").asString().equals(failed)) {
					assertThat(action.path("status").asString()).isEqualTo("SKIPPED");
					assertThat(action.path("reason").asString()).isEqualTo("refused by the write guard: exempt until "
							+ until + ", owner it-ops: legal hold (" + settings.properties().reconcile()
								.exemptionsFile().getFileName() + ":" + lines(settings) + "): never acted on");
					skipped.add(failed);
				}
			}
			assertThat(skipped).hasSize(1);
			assertThat(store.count("SELECT COUNT(*) FROM action_journal WHERE run_id = 'night-2' AND username = ? "
					+ "AND status = 'SKIPPED'", failed)).isOne();
			Map<String, Integer> writes = RemediationFunctionalTests.writesByAccount(simulator);
			assertThat(writes).isNotEmpty().doesNotContainKey(phid(store, failed));
			assertThat(RemediationFunctionalTests.actions(report, "APPLIED")).hasSize(writes.size());
			assertThat(RemediationFunctionalTests.actions(report, "PENDING")).isEmpty();
			assertThat(RemediationFunctionalTests.actions(report, "FAILED")).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void restartOfAFailedRunOlderThanACompletedRunIsRefused(String platform) throws Exception {
		try (TestStore store = TestStore.of(platform, this.dir); Simulator simulator = failingWrites()) {
			// given a night in apply mode that stopped at its first write, and a later night that completed
			Path config = config(simulator, store);
			JobSettings settings = RunLockFunctionalTests.settings(config);
			Path reports = this.dir.resolve("reports");
			NightlySync.run(settings, "night-1", reports);
			assertThat(NightlySync.run(settings, "night-2", reports, APPLY).failure()).contains("applying stopped at");
			simulator.faults().heal();
			assertThat(NightlySync.run(settings, "night-3", reports).failure()).isNull();
			long writes = simulator.conduitCalls("user.edit");

			// when the failed night is restarted
			RunResult restarted = NightlySync.restart(settings, "night-2");

			// then it is refused: it would act on what it read before the night that completed since
			assertThat(restarted.failure()).isEqualTo("cannot restart: run night-3 started after run night-2 and "
					+ "completed; a restart of night-2 would act on what it read before night-3. Start a new run "
					+ "instead: idsync run --config FILE");
			assertThat(simulator.conduitCalls("user.edit")).isEqualTo(writes);
			assertThat(store.text("SELECT status FROM idsync_run WHERE run_id = 'night-2'")).isEqualTo("FAILED");
		}
	}

	/** Conduit's writes fail (HTTP 500) from the first on, until healed. */
	private static Simulator failingWrites() {
		return Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC(),
				new Faults(List.of(Fault.parse("conduit-write:http500:1"))), OktaSimServer.DEFAULT_USERS_PER_MINUTE);
	}

	/** The simulator's configuration, with the store moved, fast retries, and orphans disabled after one run. */
	private Path config(Simulator simulator, TestStore store) throws Exception {
		List<String> properties = new ArrayList<>(SimulatedRun.FAST_RETRIES);
		properties.addAll(List.of("remediation.drift-grace-runs: 1", "remediation.writes-per-minute: 60000"));
		return store.config(simulator, this.dir, properties);
	}

	private static long lines(JobSettings settings) throws Exception {
		return Files.readAllLines(settings.properties().reconcile().exemptionsFile()).size();
	}

	private static String phid(TestStore store, String username) {
		return store.text("SELECT phid FROM planned_action WHERE run_id = 'night-2' AND username = ?", username);
	}

}
