package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.domain.ExitCode;
import dev.idsync.sim.Fault;
import dev.idsync.sim.Faults;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run at a time per store, whatever starts it, on H2 and on PostgreSQL: real processes started together, a real
 * {@code kill -9}, and read-only commands while a run holds the store. The simulator answers Okta's user pages slowly,
 * so that a run is still reading while the test looks at it.
 */
public class RunLockFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(13, 600);

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void twoRunsStartedTogetherOneRunsAndTheOtherRefusesInOneLine(String platform) throws Exception {
		try (TestStore store = TestStore.of(platform, this.dir); Simulator simulator = slowSimulator()) {
			// given a store with one complete run
			Path config = store.config(simulator, this.dir, List.of());
			Path reports = this.dir.resolve("reports");
			assertThat(NightlySync.run(settings(config), "night-1", reports).exitCode()).isEqualTo(ExitCode.DRIFT);

			// when two runs are started at the same moment
			Instant started = Instant.now();
			List<Process> runs = new ArrayList<>();
			for (String name : new String[] { "a.log", "b.log" }) {
				runs.add(ChildIdsync.start(this.dir.resolve(name), "run", "--config", config.toString(),
						"--report-dir", reports.toString()));
			}
			int first = firstToEnd(runs);
			Duration refusedAfter = Duration.between(started, Instant.now());
			Process loser = runs.get(first);
			Process winner = runs.get(1 - first);
			String loserLog = ChildIdsync.output(this.dir.resolve(first == 0 ? "a.log" : "b.log"));

			// then the other exits 1 at once, in one line naming the run that holds the store, while that one runs on
			assertThat(loser.exitValue()).as(loserLog).isEqualTo(1);
			assertThat(winner.isAlive()).as("the winner still runs when the loser has ended").isTrue();
			assertThat(loserLog.strip().lines()).as(loserLog).singleElement().asString()
				.matches("idsync: the store \\S+ is in use by run \\d{8}T\\d{6}Z-\\w+ \\(idsync run --mode report, pid "
						+ winner.pid() + " on \\S+, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)\\. Nothing "
						+ "was read or changed\\. Wait for it to end, or stop it: its lock frees itself the moment its "
						+ "process ends\\.");
			System.out.printf("%s: the second run was refused %d ms after both started%n", platform,
					refusedAfter.toMillis());

			// and read-only commands work while the run holds the store (and shows in it)
			awaitRunning(store, winner);
			Path history = this.dir.resolve("history.log");
			Path report = this.dir.resolve("report.log");
			Process reading = ChildIdsync.start(history, "history", "--config", config.toString());
			Process rendering = ChildIdsync.start(report, "report", "--config", config.toString(), "--last");
			assertThat(reading.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(rendering.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(winner.isAlive()).as("the run held the store throughout").isTrue();
			assertThat(reading.exitValue()).as(ChildIdsync.output(history)).isZero();
			assertThat(ChildIdsync.output(history)).containsPattern("\\d{8}T\\d{6}Z-\\w+ .* RUNNING");
			assertThat(rendering.exitValue()).as(ChildIdsync.output(report)).isZero();
			assertThat(ChildIdsync.output(report)).contains("LEAVER_ACTIVE");

			// and the run that held it completes with exactly the planted truth
			assertThat(winner.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(winner.exitValue()).isEqualTo(ExitCode.DRIFT.code());
			String runId = store.text("SELECT run_id FROM idsync_run ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY");
			assertThat(SimulatedRun.findings(SimulatedRun.report(reports.resolve(runId))))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(ORG));

			// and the refused one left nothing in the store
			assertThat(store.count("SELECT COUNT(*) FROM idsync_run")).isEqualTo(2);
			assertThat(store.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(2);
			assertThat(store.count("SELECT COUNT(*) FROM idsync_run WHERE status <> 'COMPLETED'")).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void runKilledWhileReadingIsNamedAbandonedByTheNextRunWhichCompletes(String platform) throws Exception {
		try (TestStore store = TestStore.of(platform, this.dir); Simulator simulator = slowSimulator()) {
			// given a run killed (kill -9) while it reads Okta
			Path config = store.config(simulator, this.dir, List.of());
			Path reports = this.dir.resolve("reports");
			Process killed = ChildIdsync.start(this.dir.resolve("killed.log"), "run", "--config", config.toString(),
					"--report-dir", reports.toString());
			awaitReading(simulator, killed, 0);
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
			String dead = store.text("SELECT run_id FROM idsync_run");
			assertThat(store.text("SELECT status FROM idsync_run WHERE run_id = ?", dead)).isEqualTo("RUNNING");

			// when the next night runs
			Path next = this.dir.resolve("next.log");
			int exit = ChildIdsync.run(next, "run", "--config", config.toString(), "--report-dir", reports.toString());

			// then it completes with exactly the planted truth, and names the dead run abandoned
			assertThat(exit).as(ChildIdsync.output(next)).isEqualTo(2);
			String runId = store.text("SELECT run_id FROM idsync_run WHERE run_id <> ?", dead);
			assertThat(SimulatedRun.findings(SimulatedRun.report(reports.resolve(runId))))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(ORG));
			assertThat(store.text("SELECT status FROM idsync_run WHERE run_id = ?", dead)).isEqualTo("ABANDONED");
			assertThat(store.text("SELECT abandoned_by FROM idsync_run WHERE run_id = ?", dead))
				.isEqualTo("run " + runId);
			assertThat(store.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED')"))
				.isZero();
			Path history = this.dir.resolve("history.log");
			assertThat(ChildIdsync.run(history, "history", "--config", config.toString())).isZero();
			assertThat(ChildIdsync.output(history)).containsPattern(dead + " .* ABANDONED")
				.contains(dead + " was abandoned: its process ended while it held the store; run " + runId
						+ " found it so at ");
		}
	}

	/** Okta's user pages 2 to 4 answer after two seconds each: a run reads people for six seconds. */
	public static Simulator slowSimulator() {
		List<Fault> slow = new ArrayList<>();
		for (int page = 2; page <= 4; page++) {
			slow.add(Fault.parse("okta:slow:" + page));
		}
		return Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC(), new Faults(slow),
				OktaSimServer.DEFAULT_USERS_PER_MINUTE);
	}

	/** Waits until a run started after {@code before} requests to Okta is reading Okta (or has died trying). */
	static void awaitReading(Simulator simulator, Process run, long before) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (simulator.okta().requestCount() == before && run.isAlive() && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(run.isAlive()).as("the run is alive and reading").isTrue();
		assertThat(simulator.okta().requestCount()).isGreaterThan(before);
	}

	/** Waits until the store shows a run RUNNING, reading it as a read-only command does, whatever holds it. */
	private static void awaitRunning(TestStore store, Process run) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'RUNNING'") == 0 && run.isAlive()
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(run.isAlive()).isTrue();
	}

	private static int firstToEnd(List<Process> processes) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			for (int i = 0; i < processes.size(); i++) {
				if (!processes.get(i).isAlive()) {
					return i;
				}
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("neither run ended");
	}

	public static JobSettings settings(Path config) {
		IdsyncProperties properties = ConfigLoader.load(config);
		return new JobSettings(properties, Credentials.resolve(properties, Map.of()), Clock.systemUTC());
	}

}
