package dev.idsync.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --log-format json}, or {@code idsync.log.format: json}: standard error holds one JSON object per line, each
 * line of a run carrying its id, while standard output keeps the human summary and no secret shows anywhere. idsync
 * runs as an admin runs it, in a JVM of its own, so that its logging starts and switches as it does for them: before
 * the configuration is read, then again in each run's Spring Boot application.
 */
class JsonLogsFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(7, 300);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** idsync's human line: {@code 02:31:14.373 INFO  dev.idsync.job - readOktaStep COMPLETED …}. */
	private static final String HUMAN_LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\S+ - .*";

	@TempDir
	Path dir;

	@Test
	void runWithLogFormatJsonLogsOnlyJsonObjectsEachLineOfTheRunWithItsRunId() throws Exception {
		try (TestStore store = TestStore.of("h2", this.dir);
				Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// given the simulator without Phorge's database: each address is looked up on the correlation executor
			Path config = conduitOnly(simulator, store);
			Path reports = this.dir.resolve("reports");

			// when idsync runs with --log-format json, Spring Batch's and HikariCP's lines shown too
			Outcome run = idsync(List.of("-DIDSYNC_BATCH_LOG_LEVEL=INFO", "-Dlogging.level.com.zaxxer.hikari=INFO"),
					"run", "--config", config.toString(), "--report-dir", reports.toString(), "--log-format", "json");

			// then standard error holds JSON objects only, and every line of the run carries the run's id
			assertThat(run.exit()).as(run.err()).isEqualTo(2);
			String runId = store.text("SELECT run_id FROM idsync_run");
			assertThat(reports.resolve(runId).resolve("report.json")).isRegularFile();
			List<JsonNode> ofTheRun = ofTheRun(jsonObjects(run.err()));
			assertThat(ofTheRun).allSatisfy((line) -> assertThat(runId(line)).as(line.toString()).isEqualTo(runId));
			assertThat(ofTheRun).map(JsonLogsFunctionalTests::message)
				.anyMatch((message) -> message.startsWith("prepareRunStep "))
				.anyMatch((message) -> message.startsWith("notifyStep "));
			assertThat(ofTheRun).map(JsonLogsFunctionalTests::logger)
				.anyMatch((logger) -> logger.startsWith("dev.idsync."))
				.anyMatch((logger) -> logger.startsWith("org.springframework.batch."))
				.anyMatch((logger) -> logger.startsWith("com.zaxxer.hikari."));
			assertThat(ofTheRun).allSatisfy((line) -> assertThat(line.path("log").path("level").isString()).isTrue());

			// and standard output still holds the human summary
			assertThat(run.out()).startsWith("Run " + runId + " (report)")
				.contains("LEAVER_ACTIVE")
				.contains("Report: " + reports.resolve(runId).resolve("report.html"))
				.doesNotContain("{\"");

			// and no secret shows in either
			assertThat(run.out() + run.err()).doesNotContain(secrets(simulator, config));
		}
	}

	@Test
	void runLogsHumanLinesByDefaultAndJsonWhenTheConfigurationSaysSo() throws Exception {
		try (TestStore store = TestStore.of("h2", this.dir);
				Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// given a first night with the configuration as the simulator writes it
			Path config = store.config(simulator, this.dir, List.of());
			Outcome first = idsync(List.of(), "run", "--config", config.toString(), "--report-dir",
					this.dir.resolve("reports").toString());

			// then it logs human lines, as idsync always has
			assertThat(first.exit()).as(first.err()).isEqualTo(2);
			assertThat(first.err().lines()).isNotEmpty()
				.allSatisfy((line) -> assertThat(line).matches(HUMAN_LINE))
				.anyMatch((line) -> line.contains(" INFO  dev.idsync.job - prepareRunStep "));

			// when the next night's configuration says idsync.log.format: json
			config = store.config(simulator, this.dir, List.of("log.format: json"));
			Outcome second = idsync(List.of(), "run", "--config", config.toString(), "--report-dir",
					this.dir.resolve("reports").toString());

			// then it logs JSON objects only, each line of the run with its id
			assertThat(second.exit()).as(second.err()).isEqualTo(2);
			String runId = store.text("SELECT run_id FROM idsync_run ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY");
			List<JsonNode> ofTheRun = ofTheRun(jsonObjects(second.err()));
			assertThat(ofTheRun).isNotEmpty()
				.allSatisfy((line) -> assertThat(runId(line)).as(line.toString()).isEqualTo(runId));
			assertThat(second.out()).startsWith("Run " + runId + " (report)");
			assertThat(second.out() + second.err()).doesNotContain(secrets(simulator, config));
		}
	}

	@Test
	void logFormatOptionWinsOverTheConfigurationAndAConfigurationErrorIsLoggedAsJson() throws Exception {
		// given a configuration that says json
		Path config = this.dir.resolve("idsync.yml");
		Files.writeString(this.dir.resolve("okta-token"), "00okta\n");
		Files.writeString(this.dir.resolve("conduit-token"), "api-conduit\n");
		Files.writeString(config, "idsync:\n  okta:\n    url: https://acme.okta.com\n    token-file: "
				+ this.dir.resolve("okta-token") + "\n  phorge:\n    url: https://phorge.example.com\n    token-file: "
				+ this.dir.resolve("conduit-token") + "\n  log:\n    format: json\n");

		// when a command goes wrong after reading it, as configured and with --log-format human
		Outcome configured = idsync(List.of(), "run", "--config", config.toString(), "--mode", "yolo");
		Outcome human = idsync(List.of(), "run", "--config", config.toString(), "--mode", "yolo", "--log-format",
				"human");

		// then the configuration's format holds unless the option says otherwise
		assertThat(configured.exit()).isEqualTo(1);
		assertThat(jsonObjects(configured.err())).first()
			.satisfies((line) -> assertThat(message(line)).isEqualTo("idsync: --mode: 'yolo' is not a mode. Use report, "
					+ "plan or apply."))
			.satisfies((line) -> assertThat(line.path("log").path("level").asString()).isEqualTo("ERROR"));
		assertThat(human.exit()).isEqualTo(1);
		assertThat(human.err()).startsWith("idsync: --mode: 'yolo' is not a mode. Use report, plan or apply.\n");

		// and a configuration error, met before any Spring application exists, is a JSON line too with the option
		Files.writeString(config, Files.readString(config).replace("https://acme.okta.com", "acme.okta.com"));
		Outcome broken = idsync(List.of(), "run", "--config", config.toString(), "--log-format", "json");
		assertThat(broken.exit()).isEqualTo(1);
		assertThat(jsonObjects(broken.err())).singleElement()
			.satisfies((line) -> assertThat(message(line)).startsWith("idsync: configuration error: idsync.okta.url "
					+ "(line 3 of " + config + "): 'acme.okta.com' is not an http(s) URL"))
			.satisfies((line) -> assertThat(line.path("run").isMissingNode()).isTrue());
		assertThat(broken.out()).isEmpty();
	}

	/** The simulator's configuration with Phorge read through Conduit only, and the store moved here. */
	private Path conduitOnly(Simulator simulator, TestStore store) throws IOException {
		Path config = this.dir.resolve("idsync.yml");
		simulator.writeConfig(config, PhorgeAccess.CONDUIT);
		Files.writeString(config, "  store:\n    url: " + store.url() + "\n", StandardOpenOption.APPEND);
		return config;
	}

	/** Each line of standard error, read as the JSON object it must be. */
	private static List<JsonNode> jsonObjects(String err) {
		assertThat(err).isNotBlank();
		List<JsonNode> objects = new ArrayList<>();
		for (String line : err.lines().toList()) {
			JsonNode object = null;
			try {
				object = JSON.readTree(line);
			}
			catch (JacksonException ex) {
				// reported below
			}
			assertThat(object != null && object.isObject()).as("a line of standard error is no JSON object: %s", line)
				.isTrue();
			objects.add(object);
		}
		return objects;
	}

	/** The lines a run logged: from its first line with a run id to its last (the lines before it may lack one). */
	private static List<JsonNode> ofTheRun(List<JsonNode> lines) {
		int first = -1;
		int last = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (runId(lines.get(i)) != null) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		assertThat(first).as("no line carries a run id").isNotNegative();
		return lines.subList(first, last + 1);
	}

	private static @Nullable String runId(JsonNode line) {
		JsonNode id = line.path("run").path("id");
		return id.isString() ? id.asString() : null;
	}

	private static String message(JsonNode line) {
		return line.path("message").asString();
	}

	private static String logger(JsonNode line) {
		return line.path("log").path("logger").asString();
	}

	/** Every secret idsync holds in a run against the simulator: tokens, and each line of each private key. */
	private static String[] secrets(Simulator simulator, Path config) throws IOException {
		List<String> secrets = new ArrayList<>(List.of(simulator.org().conduitToken(), simulator.org().oktaToken(),
				simulator.org().googleToken()));
		for (String key : List.of(simulator.org().oktaPrivateKeyPem(), simulator.org().googlePrivateKeyPem())) {
			key.lines().filter((line) -> !line.startsWith("-----") && !line.isBlank()).forEach(secrets::add);
		}
		assertThat(Files.readString(config)).doesNotContain(secrets);
		return secrets.toArray(String[]::new);
	}

	/** Runs idsync in a JVM of its own (as {@link ChildIdsync} does), its standard output and error kept apart. */
	private Outcome idsync(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.idsync.cli.IdsyncCli"));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.dir, "stdout", ".txt");
		Path err = Files.createTempFile(this.dir, "stderr", ".txt");
		Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!child.waitFor(3, TimeUnit.MINUTES)) {
			child.destroyForcibly();
			throw new IllegalStateException("idsync " + String.join(" ", args) + " did not end: " + Files.readString(err));
		}
		return new Outcome(child.exitValue(), Files.readString(out), Files.readString(err));
	}

	/** How a child idsync ended, and what it printed where. */
	private record Outcome(int exit, String out, String err) {
	}

}
