package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Severity;
import dev.idsync.report.ReportSchemaTests;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

import static org.assertj.core.api.Assertions.assertThat;

class NightlySyncJobFunctionalTests {

	@TempDir
	Path dir;

	/** Both ways of reading Phorge must find the same truth: with its database, and through Conduit alone. */
	@ParameterizedTest
	@CsvSource({ "1, CONDUIT_AND_DATABASE", "20261129, CONDUIT" })
	void nightlySyncJobReportsExactlyThePlantedTruth(long seed, PhorgeAccess access) throws Exception {
		// given
		SyntheticOrg org = OrgGenerator.generate(seed, 2000);
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), Clock.systemUTC())) {
			JobSettings settings = SimulatedRun.settings(simulator, access,
					"jdbc:h2:file:" + this.dir.resolve("idsync"), this.dir, List.of());
			// when
			RunResult result = NightlySync.run(settings, "test-" + seed, this.dir.resolve("reports"));
			// then
			assertThat(result.failure()).isNull();
			assertThat(result.exitCode()).isEqualTo(ExitCode.DRIFT);
			JsonNode report = SimulatedRun.report(result);
			assertThat(SimulatedRun.findings(report))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(org, access));
			assertThat(report.path("findings").size()).isEqualTo(org.truth(access).size());
			assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
			assertThat(ReportSchemaTests.violations(report)).isEmpty();
			List<String> sources = new ArrayList<>(List.of("google", "google:entitlement", "okta", "okta:admins",
					"okta:entitlement", "phorge"));
			if (access == PhorgeAccess.CONDUIT_AND_DATABASE) {
				// with Phorge's database, correlation by email is a join: not one user.query call
				sources.addAll(List.of("phorge-db:disables", "phorge-db:emails", "phorge-db:links", "phorge-db:mfa",
						"phorge-db:tokens"));
				assertThat(simulator.conduitCalls("user.query")).isZero();
				assertThat(report.path("findings").findValuesAsString("matchedBy")).contains("UNVERIFIED_EMAIL");
				assertThat(report.toString()).contains("phorge database: MFA enrolled");
			}
			else {
				assertThat(simulator.conduitCalls("user.query")).isGreaterThan(2000);
				assertThat(report.path("findings").findValuesAsString("matchedBy")).doesNotContain("UNVERIFIED_EMAIL");
			}
			assertThat(report.path("sources").findValuesAsString("name")).containsExactlyElementsOf(sources);
			assertThat(report.path("sources").findValues("complete")).allMatch(JsonNode::asBoolean);
			assertThat(report.path("exitCode").asInt()).isEqualTo(2);
			assertThat(report.path("notes").get(0).asString()).startsWith("idsync's own Conduit token (@idsync-bot): ")
				.contains((access == PhorgeAccess.CONDUIT_AND_DATABASE) ? "1 live API token, the oldest created"
						: "unknown without Phorge's database");
			assertThat(Files.readString(result.reportDir().resolve("report.md"))).contains("LEAVER_ACTIVE")
				.contains("First complete run: every drift finding is new.");
			assertThat(report.path("findings").findValuesAsString("sinceLast")).containsOnly("NEW");
			long findings = report.path("findings").size();
			assertThat(Files.readAllLines(result.reportDir().resolve("findings.csv"))).hasSize((int) findings + 1);
			long drift = 0;
			for (Map.Entry<String, JsonNode> count : report.path("summary").path("byCategory").properties()) {
				drift += (Category.valueOf(count.getKey()).severity() == Severity.DRIFT) ? count.getValue().asLong() : 0;
			}
			assertThat(Files.readString(result.reportDir().resolve("report.html")))
				.contains("data-count=\"drift\"><b>" + drift + "</b>")
				.doesNotContain("src=\"http", "href=\"http", "@import");
			assertThat(this.dir.resolve("reports").resolve("latest").toRealPath())
				.isEqualTo(result.reportDir().toRealPath());

			// and when the next night finds the same organisation
			RunResult next = NightlySync.run(settings, "test-" + seed + "-next", this.dir.resolve("reports"));

			// then: the same findings, all persisting for two runs, correlated through the links the first night made
			JsonNode nextReport = SimulatedRun.report(next);
			assertThat(SimulatedRun.findings(nextReport))
				.containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(org, access));
			assertThat(nextReport.path("findings").findValuesAsString("sinceLast")).containsOnly("PERSISTING");
			assertThat(ReportSchemaTests.violations(nextReport)).isEmpty();
			assertThat(nextReport.path("findings").findValues("runsSeen")).allMatch((n) -> n.asInt() == 2);
			assertThat(nextReport.path("findings").findValuesAsString("matchedBy")).contains("LINK", "MANUAL");
			assertThat(nextReport.path("summary").path("sinceLastCompleteRun").path("baselineRunId").asString())
				.isEqualTo("test-" + seed);
			assertThat(nextReport.path("summary").path("sinceLastCompleteRun").path("RESOLVED").asInt()).isZero();
		}
	}

}
