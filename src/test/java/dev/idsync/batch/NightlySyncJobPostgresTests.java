package dev.idsync.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Mode;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The nightly job on PostgreSQL: idsync's migrations, Spring Batch's repository and the set-based correlation. Runs
 * when {@code IDSYNC_TEST_POSTGRES_URL} is set (CI sets it), in a schema of its own that it drops afterwards.
 */
class NightlySyncJobPostgresTests {

	private static final String URL = System.getenv("IDSYNC_TEST_POSTGRES_URL");

	private final String schema = "idsync_test_" + Long.toHexString(System.nanoTime());

	@TempDir
	Path dir;

	@BeforeEach
	void createSchema() throws SQLException {
		assumeTrue(URL != null && !URL.isBlank(), "IDSYNC_TEST_POSTGRES_URL is not set");
		sql("CREATE SCHEMA " + this.schema);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		if (URL != null && !URL.isBlank()) {
			sql("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
	}

	@Test
	void nightlySyncJobOnPostgresReportsExactlyThePlantedTruth() throws Exception {
		// given
		SyntheticOrg org = OrgGenerator.generate(3, 600);
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), Clock.systemUTC())) {
			String store = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + this.schema;
			JobSettings settings = SimulatedRun.settings(simulator, store, this.dir,
					List.of("remediation.writes-per-minute: 60000"));
			// when
			RunResult first = NightlySync.run(settings, "pg-1", this.dir);
			RunResult second = NightlySync.run(settings, "pg-2", this.dir);
			// then
			assertThat(first.failure()).isNull();
			assertThat(first.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(SimulatedRun.findings(SimulatedRun.report(first)))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(org));
			assertThat(SimulatedRun.findings(SimulatedRun.report(second)))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(org));

			// and when a third night writes a plan, which is applied and then undone, with the journal on PostgreSQL
			Path plan = this.dir.resolve("plan.json");
			RunResult planned = NightlySync.run(settings, "pg-3", this.dir,
					new RunOptions(Mode.PLAN, false, 100_000, false, plan));
			Set<String> toApply = RemediationFunctionalTests.actions(SimulatedRun.report(planned), "PLANNED");
			RunResult applied = NightlySync.applyPlan(settings, plan);
			NightlySync.UndoResult undo = NightlySync.undo(settings, "pg-3", "undo-pg-3");

			// then what was planned is applied once each, and undone
			assertThat(applied.failure()).isNull();
			Set<String> done = RemediationFunctionalTests.actions(SimulatedRun.report(applied), "APPLIED");
			assertThat(done).isNotEmpty().isEqualTo(toApply);
			assertThat(NightlySync.applyPlan(settings, plan).failure()).contains("was applied already");
			assertThat(undo.failure()).isNull();
			RemediationFunctionalTests.assertUndone(undo.journal(), done.size());
			assertThat(RemediationFunctionalTests.writesByAccount(simulator)).hasSize(done.size());
		}
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

}
