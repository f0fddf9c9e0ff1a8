package dev.idsync.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.batch.ChildIdsync;
import dev.idsync.batch.RunLockFunctionalTests;
import dev.idsync.batch.TestStore;
import dev.idsync.metrics.PrometheusText;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of {@code idsync serve} clustered on PostgreSQL: each scheduled run fires exactly once, on one replica, and
 * a replica that dies mid-run is taken over by a survivor, the dead run named abandoned and none left RUNNING. Runs
 * when {@code IDSYNC_TEST_POSTGRES_URL} is set (CI sets it).
 */
class ServeClusterTests {

	@TempDir
	Path dir;

	@Test
	void twoReplicasFireAScheduledRunExactlyOnce() throws Exception {
		try (TestStore store = TestStore.of("postgresql", this.dir);
				Simulator simulator = Simulator.start(ServeFunctionalTests.ORG, SimPorts.ephemeral(),
						java.time.Clock.systemUTC())) {
			// given two replicas on one store, the nightly run due a few seconds from now
			ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(12);
			String cron = due.getSecond() + " " + due.getMinute() + " " + due.getHour() + " * * ?";
			List<Integer> ports = List.of(ServeFunctionalTests.freePort(), ServeFunctionalTests.freePort());
			List<Serve.Serving> replicas = new ArrayList<>();
			try {
				for (int i = 0; i < 2; i++) {
					Path config = store.config(simulator, Files.createDirectories(this.dir.resolve("replica-" + i)),
							List.of("management.port: " + ports.get(i), "report.dir: " + this.dir.resolve("reports"),
									"schedule.cron: '" + cron + "'"));
					replicas.add(Serve.start(ServeFunctionalTests.settings(config)));
				}

				// when the time comes (and a little more)
				ServeFunctionalTests.await(() -> store.count("SELECT COUNT(*) FROM idsync_run WHERE status = "
						+ "'COMPLETED'") == 1, Duration.ofMinutes(2));
				Thread.sleep(5_000);

				// then one replica ran it, once; the other's metrics say it ran nothing
				assertThat(store.count("SELECT COUNT(*) FROM idsync_run")).isOne();
				double ran = 0;
				for (int port : ports) {
					ran += PrometheusText.parse(ServeFunctionalTests.get(port, "/metrics", null).body())
						.value("idsync_runs_total", "exit_code", "2");
				}
				assertThat(ran).isEqualTo(1.0);
				assertThat(store.count("SELECT COUNT(DISTINCT INSTANCE_NAME) FROM QRTZ_SCHEDULER_STATE")).isEqualTo(2);
			}
			finally {
				replicas.forEach(Serve.Serving::close);
			}
		}
	}

	@Test
	void replicaKilledMidRunIsTakenOverByTheSurvivor() throws Exception {
		try (TestStore store = TestStore.of("postgresql", this.dir);
				Simulator simulator = RunLockFunctionalTests.slowSimulator()) {
			// given two serve processes on one store; one fires a run now, which reads Okta slowly
			List<Integer> ports = List.of(ServeFunctionalTests.freePort(), ServeFunctionalTests.freePort());
			List<Process> replicas = new ArrayList<>();
			try {
				long before = simulator.okta().requestCount();
				for (int i = 0; i < 2; i++) {
					Path config = store.config(simulator, Files.createDirectories(this.dir.resolve("replica-" + i)),
							List.of("management.port: " + ports.get(i), "report.dir: " + this.dir.resolve("reports")));
					// the second replica fires the run as it starts: either may run it
					List<String> serve = new ArrayList<>(List.of("serve", "--config", config.toString()));
					if (i == 1) {
						serve.add("--run-now");
					}
					replicas.add(ChildIdsync.start(this.dir.resolve("replica-" + i + ".log"),
							serve.toArray(String[]::new)));
					int port = ports.get(i);
					ServeFunctionalTests.await(() -> ready(port), Duration.ofMinutes(1));
				}
				ServeFunctionalTests.await(() -> simulator.okta().requestCount() > before
						&& store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'RUNNING'") == 1,
						Duration.ofMinutes(1));

				// when the replica running it is killed (kill -9)
				long runner = Long.parseLong(store.text("SELECT CAST(pid AS VARCHAR(20)) FROM store_lock_holder"));
				Process killed = replicas.stream().filter((p) -> p.pid() == runner).findFirst().orElseThrow();
				String dead = store.text("SELECT run_id FROM idsync_run WHERE status = 'RUNNING'");
				killed.destroyForcibly();
				assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

				// then the survivor takes the run over: a new run completes, the dead one is abandoned, none runs on
				ServeFunctionalTests.await(() -> store.count("SELECT COUNT(*) FROM idsync_run WHERE status = "
						+ "'COMPLETED'") == 1, Duration.ofMinutes(2));
				assertThat(store.text("SELECT status FROM idsync_run WHERE run_id = ?", dead)).isEqualTo("ABANDONED");
				assertThat(store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'RUNNING'")).isZero();
				int survivor = replicas.indexOf(replicas.stream().filter((p) -> p != killed).findFirst().orElseThrow());
				assertThat(ChildIdsync.output(this.dir.resolve("replica-" + survivor + ".log")))
					.contains("(again: the replica that ran it stopped)");
			}
			finally {
				for (Process replica : replicas) {
					replica.destroy();
					replica.waitFor(60, TimeUnit.SECONDS);
				}
			}
		}
	}

	@Test
	void readinessIsFalseWhileTheStoreCannotBeReachedAndTrueAgainAfter() throws Exception {
		try (TestStore store = TestStore.of("postgresql", this.dir);
				Simulator simulator = Simulator.start(ServeFunctionalTests.ORG, SimPorts.ephemeral(),
						java.time.Clock.systemUTC());
				TcpProxy proxy = new TcpProxy(5432)) {
			// given serve whose store is reached through a link that can be cut
			String url = store.url().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
			assertThat(url).contains(":" + proxy.port() + "/");
			int port = ServeFunctionalTests.freePort();
			Path config = this.dir.resolve("idsync.yml");
			simulator.writeConfig(config);
			Files.writeString(config, "  store:\n    url: " + url + "\n  management.port: " + port + "\n",
					java.nio.file.StandardOpenOption.APPEND);
			try (Serve.Serving serving = Serve.start(ServeFunctionalTests.settings(config))) {
				assertThat(ServeFunctionalTests.get(port, "/health/readiness", null).statusCode()).isEqualTo(200);

				// when the store cannot be reached
				proxy.cut();

				// then serve is alive but not ready, and ready again once the store answers
				ServeFunctionalTests.await(() -> status(port, "/health/readiness") == 503, Duration.ofMinutes(2));
				assertThat(status(port, "/health/liveness")).isEqualTo(200);
				proxy.restore();
				ServeFunctionalTests.await(() -> status(port, "/health/readiness") == 200, Duration.ofMinutes(1));
			}
		}
	}

	/**
	 * The status a path answers with. While the store cannot be reached, the health check waits for a connection
	 * for the pool's connection timeout (30 s) before it answers 503: a client that gives up at 30 s may never see it.
	 */
	private static int status(int port, String path) {
		try {
			return ServeFunctionalTests.get(port, path, null, Duration.ofSeconds(45)).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static boolean ready(int port) {
		try {
			return ServeFunctionalTests.get(port, "/health/readiness", null).statusCode() == 200;
		}
		catch (Exception notYet) {
			return false;
		}
	}

}
