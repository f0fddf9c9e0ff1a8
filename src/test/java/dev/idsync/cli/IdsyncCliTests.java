package dev.idsync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.metrics.PrometheusText;
import dev.idsync.metrics.ReportAgreement;
import dev.idsync.report.BackstageRules;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.Scenario;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.TruthEntry;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class IdsyncCliTests {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void runAgainstSimServeConfigReportsExactlyTheTruthFile() throws IOException {
		// given: what `idsync sim serve --config-out c.yml --truth-out t.json` writes
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 400), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			simulator.writeTruth(this.dir.resolve("t.json"));
			Files.writeString(config, storeIn(this.dir), java.nio.file.StandardOpenOption.APPEND);
			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", this.dir.resolve("r").toString());
			// then
			assertThat(exit).as(this.err.toString()).isEqualTo(2);
			assertThat(this.out.toString()).contains("LEAVER_ACTIVE").contains("Exit code: 2 (DRIFT)");
			Path report;
			try (Stream<Path> runs = Files.list(this.dir.resolve("r"))) {
				report = runs.findFirst().orElseThrow().resolve("report.json");
			}
			assertThat(TruthCheck.keys(report)).containsExactlyInAnyOrderElementsOf(truthKeys(this.dir.resolve("t.json")));
			assertThat(Files.getPosixFilePermissions(this.dir.resolve("c.conduit-token")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			assertThat(Files.readString(config)).doesNotContain(simulator.org().conduitToken());
			assertThat(this.out.toString() + this.err).doesNotContain(simulator.org().conduitToken())
				.doesNotContain(simulator.org().oktaToken());
		}
	}

	@Test
	void runWhenMetricsConfiguredThenWritesTheTextfileAndAFailedPushChangesNothing(CapturedOutput output)
			throws IOException {
		// given: a Pushgateway that answers 500, and node_exporter's textfile folder
		HttpServer pushgateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		pushgateway.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		pushgateway.start();
		Path textfile = Files.createDirectories(this.dir.resolve("textfile")).resolve("idsync.prom");
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 400), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			Files.writeString(config, storeIn(this.dir) + "  metrics:\n    pushgateway:\n      url: http://idsync:"
					+ "pw-in-url@127.0.0.1:" + pushgateway.getAddress().getPort() + "\n    textfile: " + textfile + "\n",
					java.nio.file.StandardOpenOption.APPEND);
			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", this.dir.resolve("r").toString());
			// then
			assertThat(exit).as(this.err.toString()).isEqualTo(2);
			Path report;
			try (Stream<Path> runs = Files.list(this.dir.resolve("r"))) {
				report = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("report.json");
			}
			ReportAgreement.assertAgree(PrometheusText.parse(Files.readString(textfile)),
					JsonMapper.builder().build().readTree(report.toFile()));
			assertThat(output.toString().lines().filter((line) -> line.contains("were not pushed"))).singleElement()
				.asString()
				.contains("the Pushgateway at http://127.0.0.1:" + pushgateway.getAddress().getPort() + ": ")
				.contains("500");
			assertThat(output.toString() + this.out + this.err).doesNotContain("pw-in-url");
		}
		finally {
			pushgateway.stop(0);
		}
	}

	@Test
	void runAgainstAMassDepartureReportsExactlyItsTruth() throws IOException {
		// given: what `idsync sim serve --scenario mass-departure:30 --config-out c.yml --truth-out t.json` writes
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 400, Scenario.parse("mass-departure:30")),
				SimPorts.ephemeral(), Clock.systemUTC())) {
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			simulator.writeTruth(this.dir.resolve("t.json"));
			Files.writeString(config, storeIn(this.dir), java.nio.file.StandardOpenOption.APPEND);
			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", this.dir.resolve("r").toString());
			// then
			assertThat(exit).as(this.err.toString()).isEqualTo(2);
			Path report;
			try (Stream<Path> runs = Files.list(this.dir.resolve("r"))) {
				report = runs.findFirst().orElseThrow().resolve("report.json");
			}
			assertThat(TruthCheck.keys(report))
				.containsExactlyInAnyOrderElementsOf(truthKeys(this.dir.resolve("t.json")));
			assertThat(TruthCheck.compare(simulator.org(), PhorgeAccess.CONDUIT_AND_DATABASE, report))
				.startsWith("Truth check: the report's");
		}
	}

	@Test
	void demoWhenScenarioMalformedStopsNamingTheSyntax() {
		assertThat(execute("demo", "--scenario", "mass-departure:0")).isOne();
		assertThat(this.err.toString()).contains("--scenario 'mass-departure:0': use plain or "
				+ "mass-departure[:PERCENT]");
	}

	@Test
	void runWhenMappingsFileHasABadLineStopsBeforeReadingAnythingNamingTheLine() throws IOException {
		// given the simulator's configuration with a typo in its mappings file
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 200), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			Files.writeString(config, storeIn(this.dir), java.nio.file.StandardOpenOption.APPEND);
			Files.writeString(this.dir.resolve("c.mappings.csv"), "username,identity,added_by,reason\n"
					+ "legacy-anna,anna.example.com,alice@example.com,renamed\n");

			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", this.dir.resolve("r").toString());

			// then
			assertThat(exit).isEqualTo(1);
			assertThat(this.err.toString()).contains("idsync.reconcile.mappings-file: c.mappings.csv line 2: identity "
					+ "'anna.example.com' is neither an email address nor source:id");
			assertThat(simulator.conduitCalls("user.search")).isZero();
			assertThat(this.dir.resolve("r")).doesNotExist();
		}
	}

	@Test
	void runWhenTokenMissingStopsNamingThePropertyAndWritesNothing() throws IOException {
		Path config = write("""
				idsync:
				  okta:
				    url: https://acme.okta.com
				    token-file: %s
				  phorge:
				    url: https://phorge.example.com
				    token-file: %s
				""".formatted(this.dir.resolve("absent-okta-token"), this.dir.resolve("absent")) + storeIn(this.dir));
		int exit = execute("run", "--config", config.toString(), "--report-dir", this.dir.resolve("r").toString());
		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString().strip()).startsWith("idsync: configuration error: idsync.okta.token-file")
			.contains("does not exist")
			.hasLineCount(1);
		assertThatNothingWasWritten();
	}

	@Test
	void runWhenUrlMalformedStopsNamingTheProperty() throws IOException {
		Path config = write("idsync:\n  okta:\n    url: acme.okta.com\n  phorge:\n    url: https://p.example.com\n");
		assertThat(execute("run", "--config", config.toString())).isEqualTo(1);
		assertThat(this.err.toString()).containsPattern("idsync\\.okta\\.url \\(line \\d+ of .*\\): 'acme\\.okta\\.com' is "
				+ "not an http\\(s\\) URL")
			.hasLineCount(1);
		assertThatNothingWasWritten();
	}

	@Test
	void runWhenPropertyUnknownStopsNamingIt() throws IOException {
		Path config = write("idsync:\n  okta:\n    url: https://a.okta.com\n    tokn-file: x\n  phorge:\n"
				+ "    url: https://p.example.com\n");
		assertThat(execute("run", "--config", config.toString())).isEqualTo(1);
		assertThat(this.err.toString()).contains("Unknown configuration property idsync.okta.tokn-file (line 4 of ")
			.hasLineCount(1);
		assertThatNothingWasWritten();
	}

	@Test
	void runWithoutConfigIsAUsageErrorWithExitCode1() {
		assertThat(execute("run")).isEqualTo(1);
		assertThat(this.err.toString()).contains("Missing required option: '--config=FILE'");
	}

	@Test
	void runWhenLogFormatUnknownIsAUsageErrorNamingTheFormats() {
		assertThat(execute("run", "--config", "idsync.yml", "--log-format", "xml")).isEqualTo(1);
		assertThat(this.err.toString()).startsWith("idsync: Invalid value for option '--log-format': 'xml' is not a "
				+ "log format. Use human or json.");
	}

	@Test
	void doctorAgainstTheSimulatorPrintsATableAndExitsZeroOnlyWhenAllPass() throws IOException {
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 200), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			Files.writeString(config, storeIn(this.dir), java.nio.file.StandardOpenOption.APPEND);
			// when
			int passing = execute("doctor", "--config", config.toString());
			String table = this.out.toString();
			Files.writeString(this.dir.resolve("c.conduit-token"), "api-aaaaaaaaaaaaaaaaaaaaaaaaaaaa");
			this.out.getBuffer().setLength(0);
			int failing = execute("doctor", "--config", config.toString());
			// then
			assertThat(passing).as(table).isZero();
			assertThat(table).startsWith("RESULT  CHECK").contains("PASS    conduit: Can Disable Users")
				.contains("checks: 18 passed, 0 failed.");
			assertThat(table.lines()).allMatch((line) -> line.isEmpty() || line.startsWith("PASS")
					|| line.startsWith("RESULT") || line.contains("checks:"));
			assertThat(failing).isEqualTo(1);
			assertThat(this.out.toString()).contains("FAIL    conduit: token").contains("fix: the Conduit token is "
					+ "wrong").doesNotContain("api-aaaaaaaaaaaaaaaaaaaaaaaaaaaa");
		}
	}

	@Test
	void helpDescribesEveryCommandAndTheExitCodes() {
		assertThat(execute("--help")).isZero();
		assertThat(this.out.toString()).contains("run", "demo", "sim", "0  the run completed and found no drift",
				"2  the run completed and found drift", "3  a safety gate stopped actions");
		for (String command : new String[] { "run", "plan", "apply", "undo", "doctor", "mapping", "exemption", "report",
				"history", "findings", "demo", "sim" }) {
			this.out.getBuffer().setLength(0);
			assertThat(execute(command, "--help")).isZero();
			assertThat(this.out.toString()).startsWith("Usage: idsync " + command);
		}
		this.out.getBuffer().setLength(0);
		assertThat(execute("sim", "serve", "--help")).isZero();
		assertThat(this.out.toString()).contains("--config-out", "--truth-out", "--people", "--seed", "--scenario",
				"mass-departure");
		this.out.getBuffer().setLength(0);
		assertThat(execute("demo", "--help")).isZero();
		assertThat(this.out.toString()).contains("--scenario", "mass-departure");
	}

	@Test
	void planReviewApplyUndoFromTheCommandLineWithTheExitCodesOfTheReadme() throws IOException {
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 400), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			// given a first night in report mode, which links identities to accounts
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			Files.writeString(config, storeIn(this.dir) + "  remediation:\n    writes-per-minute: 60000\n",
					java.nio.file.StandardOpenOption.APPEND);
			String reports = this.dir.resolve("r").toString();
			assertThat(execute("run", "--config", config.toString(), "--report-dir", reports)).isEqualTo(2);

			// when apply mode meets more disables than the default limit (10 or 2 %)
			this.out.getBuffer().setLength(0);
			int gated = execute("run", "--config", config.toString(), "--mode", "apply", "--report-dir", reports);

			// then nothing is changed, exit 3, and the console says how to allow it
			assertThat(gated).as(this.out.toString() + this.err).isEqualTo(3);
			assertThat(this.out.toString()).contains("SAFETY GATE blast-radius:DISABLE").contains("--allow-mass-change");
			assertThat(simulator.conduitCalls("user.edit")).isZero();

			// when a plan is written for review, allowing this many changes, and applied
			Path plan = this.dir.resolve("plan.json");
			this.out.getBuffer().setLength(0);
			int planned = execute("plan", "--config", config.toString(), "-o", plan.toString(), "--allow-mass-change",
					"500", "--report-dir", reports);
			assertThat(planned).as(this.err.toString()).isEqualTo(2);
			assertThat(this.out.toString()).contains("Plan: " + plan.toAbsolutePath());
			String runId = JsonMapper.builder().build().readTree(plan.toFile()).path("runId").asString();
			int applied = execute("apply", "--config", config.toString(), plan.toString());
			int again = execute("apply", "--config", config.toString(), plan.toString());

			// then it is applied once, and refused the second time with the reason, in one line
			assertThat(applied).as(this.err.toString()).isEqualTo(2);
			assertThat(simulator.conduitCalls("user.edit")).isPositive();
			assertThat(again).isEqualTo(1);
			assertThat(this.err.toString().strip().lines().reduce((first, last) -> last).orElseThrow())
				.startsWith("idsync: refused to apply " + plan + ": ").contains("was applied already");
			// and the plan's report is kept as reviewed, the apply's beside it, and the history shows the apply
			assertThat(Path.of(reports, runId, "report.json")).exists();
			assertThat(Path.of(reports, runId + "-applied", "report.json")).exists();
			assertThat(applied(Path.of(reports, runId, "report.json"))).isZero();
			assertThat(applied(Path.of(reports, runId + "-applied", "report.json"))).isPositive();
			this.out.getBuffer().setLength(0);
			assertThat(execute("history", "--config", config.toString())).isZero();
			assertThat(this.out.toString()).containsPattern(runId + " .* plan\\+apply +COMPLETED");

			// and undo reverses it, listing each change
			this.out.getBuffer().setLength(0);
			assertThat(execute("undo", "--config", config.toString(), runId)).isZero();
			assertThat(this.out.toString()).contains("undo of #").contains("APPLIED").contains("Undo of run " + runId);
			assertThat(execute("run", "--config", config.toString(), "--mode", "yolo")).isEqualTo(1);
			assertThat(this.err.toString()).contains("--mode: 'yolo' is not a mode");
		}
	}

	@Test
	void reportHistoryAndFindingsRenderRecordedRunsFromTheStore() throws IOException {
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 400), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			// given two nights
			Path config = this.dir.resolve("c.yml");
			simulator.writeConfig(config);
			Files.writeString(config, storeIn(this.dir), java.nio.file.StandardOpenOption.APPEND);
			String reports = this.dir.resolve("r").toString();
			assertThat(execute("run", "--config", config.toString(), "--report-dir", reports)).isEqualTo(2);
			assertThat(execute("run", "--config", config.toString(), "--report-dir", reports)).isEqualTo(2);
			Path latest = this.dir.resolve("r").resolve("latest").toRealPath();
			String runId = latest.getFileName().toString();

			// when
			this.out.getBuffer().setLength(0);
			int history = execute("history", "--config", config.toString());
			String historyOut = this.out.toString();
			this.out.getBuffer().setLength(0);
			int leavers = execute("findings", "--config", config.toString(), "--category", "LEAVER_ACTIVE");
			String leaversOut = this.out.toString();
			this.out.getBuffer().setLength(0);
			int fresh = execute("findings", "--config", config.toString(), "--new");
			String freshOut = this.out.toString();
			Path html = this.dir.resolve("again.html");
			Path json = this.dir.resolve("again.json");
			int renderedHtml = execute("report", "--config", config.toString(), "--last", "--format", "html", "-o",
					html.toString());
			int renderedJson = execute("report", "--config", config.toString(), "--run", runId, "--format", "json",
					"-o", json.toString());
			int unknown = execute("report", "--config", config.toString(), "--run", "20200101T000000Z-0000");
			int badCategory = execute("findings", "--config", config.toString(), "--category", "LEAVERS");
			Path catalog = this.dir.resolve("phorge-users.yaml");
			int exported = execute("export", "backstage", "--config", config.toString(), "-o", catalog.toString());

			// then
			assertThat(history).isZero();
			assertThat(historyOut.lines().filter((line) -> line.contains("COMPLETED"))).hasSize(2);
			assertThat(historyOut).contains("→ 0");
			assertThat(leavers).isZero();
			assertThat(leaversOut.lines().filter((line) -> line.startsWith("LEAVER_ACTIVE"))).isNotEmpty()
				.allMatch((line) -> line.contains("PERSISTING"));
			assertThat(leaversOut).doesNotContain("ORPHAN").contains("findings of run " + runId);
			assertThat(fresh).isZero();
			assertThat(freshOut).contains("0 of the");
			assertThat(renderedHtml).isZero();
			assertThat(renderedJson).isZero();
			// the run's findings, actions and counts as the run wrote them (the history now knows how it ended)
			assertThat(section(Files.readString(html), "<section class=\"tiles\"", "<h2 id=\"trend\">"))
				.isEqualTo(section(Files.readString(latest.resolve("report.html")), "<section class=\"tiles\"",
						"<h2 id=\"trend\">"));
			assertThat(section(Files.readString(html), "<h2 id=\"gates\">", "</main>"))
				.isEqualTo(section(Files.readString(latest.resolve("report.html")), "<h2 id=\"gates\">", "</main>"));
			JsonNode again = JsonMapper.builder().build().readTree(json.toFile());
			JsonNode first = JsonMapper.builder().build().readTree(latest.resolve("report.json").toFile());
			assertThat(again.path("findings")).isEqualTo(first.path("findings"));
			assertThat(again.path("summary")).isEqualTo(first.path("summary"));
			assertThat(unknown).isEqualTo(1);
			assertThat(badCategory).isEqualTo(1);
			assertThat(this.err.toString()).contains("no run 20200101T000000Z-0000 is recorded")
				.contains("'LEAVERS' is not a category code");
			// and the Backstage export holds every linked, active person, valid by Backstage's rules
			assertThat(exported).as(this.err.toString()).isZero();
			List<JsonNode> entities = BackstageRules.parse(Files.readString(catalog));
			assertThat(BackstageRules.violations(entities)).isEmpty();
			assertThat(entities).hasSizeGreaterThan(200).allSatisfy((entity) -> {
				assertThat(entity.path("metadata").path("annotations").path("phorge.it/phid").asString())
					.startsWith("PHID-USER-");
				assertThat(entity.path("metadata").path("annotations").path("okta.com/user-id").isString()
						|| entity.path("metadata").path("annotations").path("google.com/user-id").isString()).isTrue();
			});
		}
	}

	@Test
	void runWhenRemediationModeIsWrongStopsNamingTheProperty() throws IOException {
		Path config = write("idsync:\n  okta:\n    url: https://acme.okta.com\n  phorge:\n    url: https://phorge.example.com\n"
				+ "  remediation:\n    mode: yolo\n");
		assertThat(execute("run", "--config", config.toString())).isEqualTo(1);
		assertThat(this.err.toString()).contains("idsync.remediation.mode (line 7 of " + config + "): 'yolo' is not a "
				+ "mode. Use report (default), plan or apply.");
		assertThatNothingWasWritten();
	}

	@Test
	void mappingAndExemptionCommandsKeepWhoAddedWhatAndWhyInTheStore() throws IOException {
		// given
		Path config = write("idsync:\n  okta:\n    url: https://acme.okta.com\n  phorge:\n    url: https://phorge.example.com\n"
				+ "    token-env: UNSET_TOKEN\n" + storeIn(this.dir));

		// when
		int mapped = execute("mapping", "add", "--config", config.toString(), "--username", "legacy-anna",
				"--identity", "okta:00u1abc", "--reason", "renamed in 2024", "--by", "alice@example.com");
		int badIdentity = execute("mapping", "add", "--config", config.toString(), "--username", "x", "--identity",
				"anna", "--reason", "r");
		int exempted = execute("exemption", "add", "--config", config.toString(), "--username", "ext-bob",
				"--owner", "bob@example.com", "--reason", "contract ends in March", "--expires", "2099-03-31");
		int past = execute("exemption", "add", "--config", config.toString(), "--username", "ext-bob", "--owner",
				"bob@example.com", "--reason", "late", "--expires", "2020-01-01");
		this.out.getBuffer().setLength(0);
		int listed = execute("mapping", "list", "--config", config.toString()) + execute("exemption", "list",
				"--config", config.toString());

		// then
		assertThat(mapped).isZero();
		assertThat(badIdentity).isEqualTo(1);
		assertThat(exempted).isZero();
		assertThat(past).isEqualTo(1);
		assertThat(this.err.toString()).contains("--identity: identity 'anna' is neither an email address nor "
				+ "source:id").contains("--expires 2020-01-01 is in the past");
		assertThat(listed).isZero();
		assertThat(this.out.toString()).contains("@legacy-anna = okta:00u1abc  by alice@example.com: renamed in 2024 "
				+ "(manual_mapping #1)").contains("@ext-bob  exempt until 2099-03-31, owner bob@example.com: contract "
				+ "ends in March (exemption #1)");
	}

	private int execute(String... args) {
		CommandLine commandLine = IdsyncCli.commandLine();
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	/** How many actions of a report.json were applied. */
	private static long applied(Path report) {
		JsonNode actions = JsonMapper.builder().build().readTree(report.toFile()).path("actions");
		return actions.valueStream().filter((action) -> action.path("status").asString().equals("APPLIED")).count();
	}

	private static String section(String html, String from, String to) {
		return html.substring(html.indexOf(from), html.indexOf(to));
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(this.dir.resolve("idsync.yml"), yaml);
	}

	private void assertThatNothingWasWritten() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files.map((path) -> path.getFileName().toString())).containsExactly("idsync.yml");
		}
	}

	private static String storeIn(Path dir) {
		return "  store:\n    url: jdbc:h2:file:" + dir.resolve("store/idsync") + "\n";
	}

	private static Set<String> truthKeys(Path truth) {
		Set<String> keys = new HashSet<>();
		for (JsonNode entry : JsonMapper.builder().build().readTree(truth.toFile()).path("findings")) {
			keys.add(new TruthEntry(entry.path("category").asString(), entry.path("username").asString(null),
					entry.path("identity").asString(null)).key());
		}
		return keys;
	}

}
