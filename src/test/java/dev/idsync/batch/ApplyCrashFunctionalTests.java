package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.store.IdsyncStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process applying actions is killed (a real {@code kill -9} of a child JVM) in the middle of its writes; a
 * restart of the run settles what the journal left open against live state and applies the rest: nothing repeated,
 * nothing lost.
 */
class ApplyCrashFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(11, 600);

	@TempDir
	Path dir;

	@Test
	void killedDuringApplyThenRestartedAppliesEveryActionExactlyOnce() throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// given a configuration as a user has it, writing to Phorge at most 120 times a minute
			Path config = this.dir.resolve("idsync.yml");
			simulator.writeConfig(config);
			String store = "jdbc:h2:file:" + this.dir.resolve("idsync") + ";FILE_LOCK=FS";
			Files.writeString(config, "  store:\n    url: " + store + "\n  remediation:\n    writes-per-minute: 120\n",
					StandardOpenOption.APPEND);

			// when idsync runs in apply mode in its own JVM, and is killed after its third write
			Process child = ChildIdsync.start(this.dir.resolve("child.log"), "run", "--config", config.toString(),
					"--mode", "apply", "--allow-first-run", "--allow-mass-change", "1000", "--report-dir",
					this.dir.resolve("reports").toString());
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (simulator.conduitCalls("user.edit") < 3 && child.isAlive() && Instant.now().isBefore(deadline)) {
				Thread.sleep(10);
			}
			assertThat(child.isAlive()).as(ChildIdsync.output(this.dir.resolve("child.log"))).isTrue();
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			int writesBeforeKill = RemediationFunctionalTests.writesByAccount(simulator).size();

			// then the run is recorded as started, some writes done, the rest not
			String runId = lastRun(store);
			assertThat(writesBeforeKill).isBetween(2, 4);

			// and when the run is restarted
			IdsyncProperties properties = ConfigLoader.load(config);
			JobSettings settings = new JobSettings(properties, Credentials.resolve(properties, Map.of()),
					Clock.systemUTC());
			RunResult restarted = NightlySync.restart(settings, runId);

			// then every planned action is applied, each exactly once, and the journal holds no open intent
			assertThat(restarted.failure()).isNull();
			JsonNode report = SimulatedRun.report(restarted);
			List<String> applied = List.copyOf(RemediationFunctionalTests.actions(report, "APPLIED"));
			assertThat(applied).hasSizeGreaterThan(writesBeforeKill);
			assertThat(RemediationFunctionalTests.actions(report, "PENDING")).isEmpty();
			assertThat(RemediationFunctionalTests.actions(report, "FAILED")).isEmpty();
			// a write whose intent the crash lost would now be skipped: its account no longer matches its precondition
			assertThat(RemediationFunctionalTests.actions(report, "SKIPPED")).isEmpty();
			Map<String, Integer> writes = RemediationFunctionalTests.writesByAccount(simulator);
			assertThat(writes).hasSize(applied.size());
			assertThat(writes.values()).containsOnly(1);
			try (IdsyncStore open = IdsyncStore.open(store, "sa", "")) {
				JdbcTemplate jdbc = new JdbcTemplate(open.dataSource());
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM action_journal WHERE status = 'INTENT'",
						Long.class)).isZero();
				assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT phid) FROM action_journal WHERE run_id = ? "
						+ "AND status = 'APPLIED'", Long.class, runId)).isEqualTo(applied.size());
			}
		}
	}

	private static String lastRun(String store) {
		try (IdsyncStore open = IdsyncStore.open(store, "sa", "")) {
			return new JdbcTemplate(open.dataSource()).queryForObject(
					"SELECT run_id FROM idsync_run ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", String.class);
		}
	}

}
