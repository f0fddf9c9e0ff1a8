package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Every fault knob of the simulator against the whole job: a persistent fault leaves its source incomplete and nobody
 * concluded to have left, to be an orphan or to be no longer entitled; a fault that happens once is retried away and
 * the report is exactly the planted truth.
 */
class FaultsFunctionalTests {

	private static final Set<String> CONCLUDED_FROM_ABSENCE = Set.of("LEAVER_ACTIVE", "ORPHAN", "NOT_ENTITLED",
			"BOT_OWNER_LEFT");

	private static final SyntheticOrg ORG = OrgGenerator.generate(17, 300);

	@TempDir
	Path dir;

	static Stream<String> persistentFaults() {
		return Stream.concat(Stream.of("okta", "google", "conduit")
			.flatMap((source) -> Stream.of("http500", "truncate", "empty", "badjson", "ratelimit")
				.map((kind) -> source + ":" + kind + ":1")), Stream.of("okta:http500:2", "conduit:truncate:2"));
	}

	static Stream<String> passingFaults() {
		return Stream.of("okta", "google", "conduit")
			.flatMap((source) -> Stream.of("http500:1:once", "truncate:1:once", "badjson:1:once", "ratelimit:1:once",
					"slow:1").map((kind) -> source + ":" + kind));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("persistentFaults")
	void persistentFaultLeavesItsSourceIncompleteAndConcludesNoAbsence(String fault) throws Exception {
		// given
		try (Simulator simulator = start(fault)) {
			// when idsync runs in apply mode with every other gate opened
			RunResult result = NightlySync.run(settings(simulator), "fault", this.dir.resolve("reports"),
					new RunOptions(Mode.APPLY, false, 100_000, true, null));
			// then
			assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
			JsonNode report = SimulatedRun.report(result);
			String source = fault.substring(0, fault.indexOf(':')).replace("conduit", "phorge");
			JsonNode read = sourceRead(report, source);
			assertThat(read.path("complete").asBoolean()).isFalse();
			assertThat(read.path("reason").asString()).isNotBlank();
			assertThat(report.path("findings").findValuesAsString("category")).doesNotContainAnyElementsOf(
					CONCLUDED_FROM_ABSENCE);
			assertThat(report.path("actions").findValuesAsString("type")).doesNotContain("DISABLE");
			assertThat(report.path("summary").path("byCategory").path("UNVERIFIED").asInt()).isPositive();
			// then nothing is written: the completeness gate holds every action back
			assertThat(simulator.conduitCalls("user.edit")).isZero();
			assertThat(report.path("actions").findValuesAsString("status")).doesNotContain("APPLIED", "PENDING",
					"WOULD_APPLY");
			assertThat(report.path("gates").get(0).path("passed").asBoolean()).isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("passingFaults")
	void passingFaultIsRetriedAndTheReportIsExactlyTheTruth(String fault) throws Exception {
		try (Simulator simulator = start(fault)) {
			RunResult result = NightlySync.run(settings(simulator), "passing", this.dir.resolve("reports"));
			assertThat(result.exitCode()).as(String.valueOf(result.failure())).isEqualTo(ExitCode.DRIFT);
			JsonNode report = SimulatedRun.report(result);
			assertThat(SimulatedRun.findings(report)).containsExactlyInAnyOrderElementsOf(SimulatedRun.truth(ORG));
			if (!fault.contains("slow")) {
				// the fault hits the system's first request to ask for a first page: the users' read or, as the reads
				// run at once, its entitlement or admin groups' read
				String source = fault.substring(0, fault.indexOf(':')).replace("conduit", "phorge");
				int retries = 0;
				for (JsonNode read : report.path("sources")) {
					String name = read.path("name").asString();
					boolean ofSource = name.equals(source) || name.startsWith(source + ":");
					retries += ofSource ? read.path("retries").asInt() : 0;
				}
				assertThat(retries).isPositive();
			}
		}
	}

	@Test
	void readThatShrinksBeyondTheBandSinceTheLastCompleteReadIsIncomplete() throws Exception {
		String store = "jdbc:h2:file:" + this.dir.resolve("idsync");
		SyntheticOrg larger = OrgGenerator.generate(17, 1200);
		try (Simulator healthy = Simulator.start(larger, SimPorts.ephemeral(), Clock.systemUTC())) {
			RunResult first = NightlySync.run(SimulatedRun.settings(healthy, store, this.dir.resolve("a")), "first",
					this.dir.resolve("reports"));
			assertThat(first.exitCode()).isEqualTo(ExitCode.DRIFT);
		}
		// the second night, Okta's listing silently stops after its second page
		try (Simulator truncated = Simulator.start(larger, SimPorts.ephemeral(), Clock.systemUTC(),
				new Faults(List.of(Fault.parse("okta:empty:3"))), OktaSimServer.DEFAULT_USERS_PER_MINUTE)) {
			RunResult second = NightlySync.run(SimulatedRun.settings(truncated, store, this.dir.resolve("b")), "second",
					this.dir.resolve("reports"));
			assertThat(second.exitCode()).isEqualTo(ExitCode.ERROR);
			JsonNode report = SimulatedRun.report(second);
			assertThat(sourceRead(report, "okta").path("reason").asString()).contains("fewer than its last complete read");
			assertThat(report.path("findings").findValuesAsString("category")).doesNotContainAnyElementsOf(
					CONCLUDED_FROM_ABSENCE);
		}
	}

	private Simulator start(String fault) {
		return Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC(), new Faults(List.of(Fault.parse(fault))),
				OktaSimServer.DEFAULT_USERS_PER_MINUTE);
	}

	private JobSettings settings(Simulator simulator) throws Exception {
		return SimulatedRun.settings(simulator, "jdbc:h2:file:" + this.dir.resolve("idsync"), this.dir,
				SimulatedRun.FAST_RETRIES);
	}

	private static JsonNode sourceRead(JsonNode report, String name) {
		for (JsonNode read : report.path("sources")) {
			if (read.path("name").asString().equals(name)) {
				return read;
			}
		}
		throw new AssertionError("no source " + name + " in " + report.path("sources"));
	}

}
