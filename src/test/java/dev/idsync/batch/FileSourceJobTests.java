package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.idsync.domain.ExitCode;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HR export as a third source: merged by employee id, trusted first, contradicting Okta about one person.
 */
class FileSourceJobTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(31, 300);

	@TempDir
	Path dir;

	@Test
	void hrExportTrustedFirstTurnsItsLeaverIntoALeaverAndReportsTheContradiction() throws Exception {
		OktaSimUser person = activeOktaPersonWithAccount();
		Path hr = Files.writeString(this.dir.resolve("hr.csv"), "Worker,Email,Status,Employee\n" + "W-1,"
				+ person.email() + ",terminated," + person.customAttributes().get("employeeNumber") + "\n");
		JsonNode report = run(hr, ExitCode.DRIFT);
		String key = person.email().toLowerCase(Locale.ROOT);
		assertThat(categoriesOf(report, key)).contains("LEAVER_ACTIVE", "SOURCE_CONFLICT");
		assertThat(source(report, "hr").path("complete").asBoolean()).isTrue();
	}

	@Test
	void hrExportWithABadRowIsIncompleteAndConcludesNobodyLeft() throws Exception {
		OktaSimUser person = activeOktaPersonWithAccount();
		Path hr = Files.writeString(this.dir.resolve("hr.csv"), "Worker,Email,Status,Employee\n" + "W-1,"
				+ person.email() + ",terminated," + person.customAttributes().get("employeeNumber") + "\n"
				+ "W-2,,active,E-none\n");
		JsonNode report = run(hr, ExitCode.ERROR);
		JsonNode read = source(report, "hr");
		assertThat(read.path("complete").asBoolean()).isFalse();
		assertThat(read.path("problems").get(0).asString()).startsWith("line 3:");
		assertThat(report.path("findings").findValuesAsString("category")).doesNotContain("LEAVER_ACTIVE", "ORPHAN",
				"NOT_ENTITLED");
		assertThat(categoriesOf(report, person.email().toLowerCase(Locale.ROOT))).contains("UNVERIFIED");
	}

	@Test
	void hrExportWithoutAConfiguredColumnIsIncompleteNamingTheColumnOnce() throws Exception {
		// given an export whose header lacks the configured status column
		Path hr = Files.writeString(this.dir.resolve("hr.csv"), "Worker,Email,State,Employee\nW-1,a@example.com,"
				+ "active,E-1\n");

		// when
		JsonNode report = run(hr, ExitCode.ERROR);

		// then the read and the completeness gate say why, naming the source once
		JsonNode read = source(report, "hr");
		assertThat(read.path("reason").asString()).startsWith("the header of " + hr + " has no column 'Status' "
				+ "(idsync.files[].columns.status)");
		JsonNode gate = report.path("gates").valueStream()
			.filter((result) -> result.path("gate").asString().equals("completeness"))
			.findFirst()
			.orElseThrow();
		assertThat(gate.path("message").asString()).contains("hr: the header of " + hr).doesNotContain("hr: hr:");
	}

	private JsonNode run(Path hr, ExitCode expected) throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			JobSettings settings = SimulatedRun.settings(simulator, "jdbc:h2:file:" + this.dir.resolve("idsync"),
					this.dir,
					List.of("merge.key: employee-id", "merge.precedence: [hr, okta, google]", "files:",
							"    - name: hr", "      path: " + hr, "      columns: {id: Worker, email: Email, "
									+ "status: Status, employee-id: Employee}"));
			RunResult result = NightlySync.run(settings, "hr", this.dir.resolve("reports"));
			assertThat(result.exitCode()).as(String.valueOf(result.failure())).isEqualTo(expected);
			return SimulatedRun.report(result);
		}
	}

	/** An active Okta person whose email is the primary address of an enabled, approved human account. */
	private static OktaSimUser activeOktaPersonWithAccount() {
		Set<String> usable = ORG.phorgeUsers().stream()
			.filter((user) -> !user.bot() && !user.mailingList() && !user.disabled() && user.approved())
			.map(PhorgeUser::phid)
			.collect(Collectors.toSet());
		Set<String> addresses = ORG.phorgeEmails().stream()
			.filter((email) -> email.primary() && usable.contains(email.userPhid()))
			.map(PhorgeEmail::address)
			.collect(Collectors.toSet());
		return ORG.oktaUsers().stream()
			.filter((user) -> user.status().equals("ACTIVE") && addresses.contains(user.email()))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> categoriesOf(JsonNode report, String identity) {
		return report.path("findings").valueStream()
			.filter((finding) -> identity.equals(finding.path("identity").asString(null)))
			.map((finding) -> finding.path("category").asString())
			.toList();
	}

	private static JsonNode source(JsonNode report, String name) {
		return report.path("sources").valueStream()
			.filter((read) -> read.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
