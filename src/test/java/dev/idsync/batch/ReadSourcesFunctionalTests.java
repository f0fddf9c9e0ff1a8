package dev.idsync.batch;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.ExitCode;
import dev.idsync.sim.Simulator;
import dev.idsync.store.IdsyncStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of different systems overlap ({@code readSourcesStep}), on H2 and on PostgreSQL: a read that fails its
 * step lets the others finish and fails the run, and a restart runs only the reads that did not complete.
 */
class ReadSourcesFunctionalTests {

	/** Each read step of a run's job executions: its status, and when it started and ended. */
	private static final String STEPS = "SELECT s.STEP_NAME, s.STATUS, s.START_TIME, s.END_TIME "
			+ "FROM BATCH_STEP_EXECUTION s "
			+ "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
			+ "WHERE p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME LIKE 'read%' "
			+ "ORDER BY s.STEP_EXECUTION_ID";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void readsOfDifferentSystemsOverlapAndARestartRunsOnlyTheReadThatFailed(String platform) throws Exception {
		try (TestStore store = TestStore.of(platform, this.dir);
				Simulator simulator = RunLockFunctionalTests.slowSimulator()) {
			// given a complete night, then a store that refuses what Phorge's database says about MFA
			Path config = store.config(simulator, this.dir, List.of());
			JobSettings settings = RunLockFunctionalTests.settings(config);
			Path reports = this.dir.resolve("reports");
			assertThat(NightlySync.run(settings, "night-1", reports).exitCode()).isEqualTo(ExitCode.DRIFT);
			store.update("DELETE FROM stage_account_security");
			store.update("ALTER TABLE stage_account_security ADD CONSTRAINT refuse_all CHECK (phid = 'nobody')");

			// when a night runs (Okta answers slowly: three of its pages take 2 s each)
			RunResult failed = NightlySync.run(settings, "night-2", reports);

			// then that read fails the run, after the reads of the other systems ran to their end alongside Okta's
			assertThat(failed.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(failed.failure()).containsIgnoringCase("refuse_all");
			List<Map<String, Object>> steps = steps(store, "night-2");
			assertThat(steps).extracting((step) -> step.get("STEP_NAME") + " " + step.get("STATUS"))
				.containsExactlyInAnyOrder("readSourcesStep FAILED", "readOktaStep COMPLETED",
						"readOktaEntitlementStep COMPLETED", "readOktaAdminsStep COMPLETED", "readGoogleStep COMPLETED",
						"readGoogleEntitlementStep COMPLETED", "readAccountsStep COMPLETED",
						"readPhorgeEmailsStep COMPLETED", "readPhorgeLinksStep COMPLETED",
						"readPhorgeSecurityStep FAILED");
			Map<String, Object> okta = step(steps, "readOktaStep");
			for (String other : new String[] { "readGoogleStep", "readAccountsStep", "readPhorgeSecurityStep" }) {
				assertThat(time(step(steps, other), "START_TIME")).as(other).isBefore(time(okta, "END_TIME"));
				assertThat(time(step(steps, other), "END_TIME")).as(other).isBefore(time(okta, "END_TIME"));
			}

			// and when the store takes them again and the night is restarted
			store.update("ALTER TABLE stage_account_security DROP CONSTRAINT refuse_all");
			long oktaRequests = simulator.okta().requestCount();
			RunResult restarted = NightlySync.restart(settings, "night-2");

			// then only the reads that had not completed ran again, and the report is exactly the planted truth
			assertThat(restarted.failure()).isNull();
			assertThat(SimulatedRun.findings(SimulatedRun.report(restarted)))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(simulator.org()));
			assertThat(simulator.okta().requestCount()).isEqualTo(oktaRequests);
			List<Map<String, Object>> both = steps(store, "night-2");
			assertThat(both.subList(steps.size(), both.size()))
				.extracting((step) -> step.get("STEP_NAME") + " " + step.get("STATUS"))
				.containsExactlyInAnyOrder("readSourcesStep COMPLETED", "readPhorgeSecurityStep COMPLETED",
						"readPhorgeTokensStep COMPLETED", "readPhorgeDisablesStep COMPLETED");
		}
	}

	private static List<Map<String, Object>> steps(TestStore store, String runId) {
		try (IdsyncStore open = IdsyncStore.open(store.url(), "sa", "")) {
			return new JdbcTemplate(open.dataSource()).queryForList(STEPS, runId);
		}
	}

	private static Map<String, Object> step(List<Map<String, Object>> steps, String name) {
		return steps.stream().filter((step) -> step.get("STEP_NAME").equals(name)).findFirst().orElseThrow();
	}

	private static LocalDateTime time(Map<String, Object> step, String column) {
		return ((Timestamp) step.get(column)).toLocalDateTime();
	}

}
