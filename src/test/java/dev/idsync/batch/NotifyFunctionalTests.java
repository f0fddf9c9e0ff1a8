package dev.idsync.batch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.domain.ExitCode;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook against a local HTTP server: told once the report is written, only when a run has new drift (or a gate
 * stopped actions), and a webhook that fails never changes the run's outcome.
 */
class NotifyFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(11, 200);

	@TempDir
	Path dir;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void webhookIsToldAboutNewDriftOnceTheReportIsWrittenAndNotAboutTheSameDriftAgain() throws Exception {
		// given
		String url = serve(200);
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			JobSettings settings = settings(simulator, url, "[new-drift, gate]");

			// when the first night finds drift, all of it new, and the second night the same
			RunResult first = NightlySync.run(settings, "night-1", this.dir.resolve("reports"));
			RunResult second = NightlySync.run(settings, "night-2", this.dir.resolve("reports"));

			// then the webhook heard of the first night only, with its summary and where its report is
			assertThat(first.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(second.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(this.received).hasSize(1);
			String text = JsonMapper.builder().build().readTree(this.received.get(0)).path("text").asString();
			Path report = first.reportDir().toAbsolutePath().resolve("report.html");
			assertThat(text).startsWith("*idsync* run night-1: drift found (exit 2)").contains("new DRIFT findings (")
				.contains("LEAVER_ACTIVE").contains("Report: " + report);
			assertThat(report).isNotEmptyFile();
		}
	}

	@Test
	void webhookThatFailsOrCannotBeReachedChangesNothingAboutTheRun() throws Exception {
		// given a webhook that answers 500, and one that nobody listens to
		String failing = serve(500);
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// when
			RunResult toFailing = NightlySync.run(settings(simulator, failing, "[always]"), "night-1",
					this.dir.resolve("reports"));
			RunResult toNobody = NightlySync.run(settings(simulator, "http://127.0.0.1:9/hook", "[always]"), "night-2",
					this.dir.resolve("reports"));

			// then both runs ended as they would have without a webhook
			assertThat(this.received).hasSize(1);
			assertThat(toFailing.failure()).isNull();
			assertThat(toFailing.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(toNobody.failure()).isNull();
			assertThat(toNobody.exitCode()).isEqualTo(ExitCode.DRIFT);
			assertThat(toNobody.reportDir().resolve("report.html")).isNotEmptyFile();
		}
	}

	private JobSettings settings(Simulator simulator, String url, String on) throws IOException {
		Path urlFile = Files.writeString(this.dir.resolve("webhook-" + on.hashCode()), url + "\n");
		return SimulatedRun.settings(simulator, "jdbc:h2:file:" + this.dir.resolve("idsync"), this.dir,
				List.of("notify.webhook.url-file: " + urlFile, "notify.webhook.send-on: " + on,
						"notify.webhook.timeout: 2s"));
	}

	private String serve(int status) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			this.received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] answer = ((status == 200) ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

}
