package dev.idsync.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.idsync.batch.ChildIdsync;
import dev.idsync.batch.JobSettings;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RemediationFunctionalTests;
import dev.idsync.batch.RunResult;
import dev.idsync.batch.SimulatedRun;
import dev.idsync.batch.TestStore;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to {@code idsync serve} while its run applies actions: the process ends within Kubernetes' 30 seconds of
 * grace, the run stops at an action boundary and is recorded STOPPED, and a restart applies the rest, each action once.
 */
class ServeShutdownTests {

	@TempDir
	Path dir;

	@Test
	void sigtermDuringARunStopsItAtABoundaryAndARestartAppliesTheRestEachOnce() throws Exception {
		try (TestStore store = TestStore.of("h2", this.dir);
				Simulator simulator = Simulator.start(ServeFunctionalTests.ORG, SimPorts.ephemeral(),
						Clock.systemUTC())) {
			// given serve in apply mode, writing to Phorge twice a second, with its first run fired now
			Path config = store.config(simulator, this.dir, List.of("management.port: "
					+ ServeFunctionalTests.freePort(), "report.dir: " + this.dir.resolve("reports"),
					"remediation.mode: apply", "remediation.allow-first-run: true",
					"remediation.writes-per-minute: 120", "remediation.limits.disable.count: 1000",
					"remediation.limits.disable.percent: 100", "remediation.limits.enable.count: 1000",
					"remediation.limits.enable.percent: 100", "remediation.limits.revoke-tokens.count: 1000",
					"remediation.limits.revoke-tokens.percent: 100", "remediation.limits.approve.count: 1000",
					"remediation.limits.approve.percent: 100"));
			Process serve = ChildIdsync.start(this.dir.resolve("serve.log"), "serve", "--config", config.toString(),
					"--run-now");
			ServeFunctionalTests.await(() -> simulator.conduitCalls("user.edit") >= 2 || !serve.isAlive(),
					Duration.ofMinutes(2));
			assertThat(serve.isAlive()).as(ChildIdsync.output(this.dir.resolve("serve.log"))).isTrue();

			// when it is told to stop (SIGTERM)
			Instant told = Instant.now();
			serve.destroy();

			// then it ends within the grace Kubernetes gives, the run stopped at a boundary, part of its work done
			assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as(ChildIdsync.output(this.dir.resolve("serve.log")))
				.isTrue();
			System.out.printf("serve ended %d ms after SIGTERM%n", Duration.between(told, Instant.now()).toMillis());
			String runId = store.text("SELECT run_id FROM idsync_run");
			assertThat(store.text("SELECT status FROM idsync_run WHERE run_id = ?", runId)).isEqualTo("STOPPED");
			int before = RemediationFunctionalTests.writesByAccount(simulator).size();
			assertThat(before).isPositive();

			// and a restart applies the rest, each action once
			JobSettings settings = ServeFunctionalTests.settings(config);
			RunResult restarted = NightlySync.restart(settings, runId);
			assertThat(restarted.failure()).isNull();
			JsonNode report = SimulatedRun.report(restarted);
			int applied = RemediationFunctionalTests.actions(report, "APPLIED").size();
			Map<String, Integer> writes = RemediationFunctionalTests.writesByAccount(simulator);
			assertThat(applied).isGreaterThan(before);
			assertThat(writes).hasSize(applied);
			assertThat(writes.values()).containsOnly(1);
		}
	}

}
