package dev.idsync.batch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import dev.idsync.config.MetricsProperties;
import dev.idsync.config.PushgatewayProperties;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Mode;
import dev.idsync.metrics.MetricsExport;
import dev.idsync.metrics.PrometheusText;
import dev.idsync.metrics.ReportAgreement;
import dev.idsync.metrics.RunMetrics;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The metrics of a run against the simulator, as a registry holds them, as a Pushgateway receives them and as a
 * textfile holds them: each parsed as Prometheus reads the text format, and each saying what report.json says.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsFunctionalTests {

	private static final String PASSWORD = "s3cret-Pa55";

	@TempDir
	static Path dir;

	private static RunResult result;

	private static JsonNode report;

	private static Instant startedAt;

	private static Instant finishedAt;

	private static final Map<String, Long> simulatorCalls = new TreeMap<>();

	@BeforeAll
	static void runAgainstTheSimulator() throws Exception {
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 400), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			JobSettings settings = SimulatedRun.settings(simulator, "jdbc:h2:file:" + dir.resolve("idsync"), dir);
			startedAt = Instant.now();
			// what apply would do, as a dry run: actions in several statuses, and the gates' verdicts
			result = NightlySync.run(settings, "metrics-run", dir.resolve("reports"),
					new RunOptions(Mode.APPLY, true, null, false, null));
			finishedAt = Instant.now();
			for (String method : List.of("user.search", "user.query", "user.whoami", "user.edit")) {
				simulatorCalls.put(method, simulator.conduitCalls(method));
			}
		}
		report = SimulatedRun.report(result);
	}

	@Test
	void recordWhenARunEndsThenTheScrapeSaysWhatItsReportSays() {
		// given
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		// when
		new RunMetrics(registry).record(result, startedAt, finishedAt);
		// then
		PrometheusText scrape = PrometheusText.parse(registry.scrape());
		assertThat(result.failure()).isNull();
		assertThat(report.path("actions").size()).isPositive();
		assertThat(report.path("gates").size()).isPositive();
		assertThat(scrape.samples("idsync_gate_stopped")).containsValue(1.0);
		ReportAgreement.assertAgree(scrape, report);
		assertThat(scrape.value("idsync_last_success_timestamp_seconds"))
			.isEqualTo(finishedAt.toEpochMilli() / 1000.0);
		assertThat(scrape.value("idsync_conduit_calls_total", "method", "user.search")).isPositive();
		simulatorCalls.forEach((method, calls) -> assertThat(result.conduitCalls().getOrDefault(method, 0L))
			.as(method).isEqualTo(calls));
		result.conduitCalls().forEach((method, calls) -> assertThat(scrape.value("idsync_conduit_calls_total",
				"method", method)).as(method).isEqualTo(calls.doubleValue()));
	}

	@Test
	void exportWhenPushgatewaySetThenItReceivesTheSameValues() throws IOException {
		// given
		List<Request> requests = new CopyOnWriteArrayList<>();
		HttpServer pushgateway = pushgateway(200, requests);
		try {
			MetricsProperties properties = pushTo("http://idsync:" + PASSWORD + "@127.0.0.1:"
					+ pushgateway.getAddress().getPort());
			// when
			MetricsExport.export(properties, result, startedAt, finishedAt);
		}
		finally {
			pushgateway.stop(0);
		}
		// then
		assertThat(requests).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/metrics/job/idsync-test");
			assertThat(request.contentType()).startsWith("text/plain; version=0.0.4");
			assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
				.encodeToString(("idsync:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
			PrometheusText pushed = PrometheusText.parse(request.body());
			ReportAgreement.assertAgree(pushed, report);
			assertThat(samples(pushed)).isEqualTo(samples(scrapeOfTheRun()));
		});
	}

	@Test
	void exportWhenPushgatewayAnswers500ThenLogsOneLineAndChangesNothing(CapturedOutput output) throws IOException {
		// given
		HttpServer pushgateway = pushgateway(500, new ArrayList<>());
		String url = "http://idsync:" + PASSWORD + "@127.0.0.1:" + pushgateway.getAddress().getPort();
		try {
			// when
			assertThatNoException().isThrownBy(() -> MetricsExport.export(pushTo(url), result, startedAt,
					finishedAt));
		}
		finally {
			pushgateway.stop(0);
		}
		// then
		assertThat(warnings(output)).singleElement().asString()
			.contains("the metrics of run metrics-run were not pushed to the Pushgateway at http://127.0.0.1:")
			.contains("500");
		assertThat(output.toString()).doesNotContain(PASSWORD).doesNotContain("\tat ");
		assertThat(result.exitCode()).isEqualTo(ExitCode.valueOf(exitCodeName()));
	}

	@Test
	void exportWhenPushgatewayRefusesConnectionsThenLogsOneLine(CapturedOutput output) throws IOException {
		// given
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		// when
		MetricsExport.export(pushTo("http://idsync:" + PASSWORD + "@127.0.0.1:" + port), result, startedAt,
				finishedAt);
		// then
		assertThat(warnings(output)).singleElement().asString()
			.contains("were not pushed to the Pushgateway at http://127.0.0.1:" + port + ": ")
			.contains("ConnectException");
		assertThat(output.toString()).doesNotContain(PASSWORD).doesNotContain("\tat ");
	}

	@Test
	void exportWhenTextfileSetThenWritesItAtomicallyAndItSaysWhatTheReportSays() throws Exception {
		// given
		Path folder = Files.createDirectories(dir.resolve("textfile-atomic"));
		Path textfile = folder.resolve("idsync.prom");
		MetricsExport.export(new MetricsProperties(null, textfile), result, startedAt, finishedAt);
		AtomicBoolean writing = new AtomicBoolean(true);
		List<String> torn = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				try {
					PrometheusText.parse(Files.readString(textfile));
				}
				catch (IOException | IllegalArgumentException ex) {
					torn.add(ex.toString());
				}
			}
		});
		// when: a scrape of node_exporter reads the file while runs rewrite it
		reader.start();
		for (int i = 0; i < 40; i++) {
			MetricsExport.export(new MetricsProperties(null, textfile), result, startedAt, finishedAt);
		}
		writing.set(false);
		reader.join(Duration.ofSeconds(10).toMillis());
		// then
		assertThat(torn).isEmpty();
		ReportAgreement.assertAgree(PrometheusText.parse(Files.readString(textfile)), report);
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).containsExactly(textfile);
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(textfile))).isEqualTo("rw-r--r--");
	}

	@Test
	void exportWhenARunFailsAfterASuccessThenTheTextfileKeepsTheLastReportAndSuccess() throws IOException {
		// given
		Path textfile = Files.createDirectories(dir.resolve("textfile-failed")).resolve("idsync.prom");
		MetricsExport.export(new MetricsProperties(null, textfile), result, startedAt, finishedAt);
		RunResult failed = RunResult.failed("failed-run", "conduit: HTTP 500", Map.of("user.whoami", 1L));
		// when
		MetricsExport.export(new MetricsProperties(null, textfile), failed, finishedAt.plusSeconds(86400),
				finishedAt.plusSeconds(86410));
		// then
		PrometheusText metrics = PrometheusText.parse(Files.readString(textfile));
		assertThat(metrics.value("idsync_last_run_exit_code")).isEqualTo(1);
		assertThat(metrics.value("idsync_runs_total", "exit_code", "1")).isEqualTo(1);
		assertThat(metrics.value("idsync_runs_total", "exit_code", String.valueOf(report.path("exitCode").asInt())))
			.isZero();
		assertThat(metrics.value("idsync_last_run_duration_seconds")).isEqualTo(10);
		assertThat(metrics.value("idsync_conduit_calls_total", "method", "user.whoami")).isEqualTo(1);
		assertThat(metrics.samples("idsync_conduit_calls_total")).hasSize(1);
		assertThat(metrics.value("idsync_last_success_timestamp_seconds")).isEqualTo(finishedAt.toEpochMilli()
				/ 1000.0);
		assertThat(samples(metrics).get("idsync_findings")).isEqualTo(samples(scrapeOfTheRun()).get("idsync_findings"));
		assertThat(samples(metrics).get("idsync_source_items"))
			.isEqualTo(samples(scrapeOfTheRun()).get("idsync_source_items"));
	}

	@Test
	void exportWhenTextfileFolderIsMissingThenLogsOneLine(CapturedOutput output) {
		// given
		Path textfile = dir.resolve("no-such-folder").resolve("idsync.prom");
		// when
		MetricsExport.export(new MetricsProperties(null, textfile), result, startedAt, finishedAt);
		// then
		assertThat(warnings(output)).singleElement().asString()
			.contains("the metrics of run metrics-run were not written: cannot write " + textfile
					+ ": its folder does not exist");
		assertThat(textfile.getParent()).doesNotExist();
	}

	private static MetricsProperties pushTo(String url) {
		return new MetricsProperties(new PushgatewayProperties(url, "idsync-test", Duration.ofSeconds(5)), null);
	}

	/** The scrape of a registry that recorded the run alone. */
	private static PrometheusText scrapeOfTheRun() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new RunMetrics(registry).record(result, startedAt, finishedAt);
		return PrometheusText.parse(registry.scrape());
	}

	/** Every family's samples, by name, for comparing two texts whatever the order of their lines. */
	private static Map<String, Map<Map<String, String>, Double>> samples(PrometheusText text) {
		Map<String, Map<Map<String, String>, Double>> samples = new TreeMap<>();
		text.families().keySet().forEach((name) -> samples.put(name, text.samples(name)));
		return samples;
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.toString().lines().filter((line) -> line.contains("dev.idsync.metrics")).toList();
	}

	private static String exitCodeName() {
		return List.of(ExitCode.values()).stream().filter((code) -> code.code() == report.path("exitCode").asInt())
			.findFirst().orElseThrow().name();
	}

	/** A Pushgateway stand-in that records each request and answers {@code status}. */
	private static HttpServer pushgateway(int status, List<Request> requests) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
			byte[] answer = (status == 200) ? new byte[0] : "pushgateway is broken\ntoday".getBytes(
					StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, (answer.length == 0) ? -1 : answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		return server;
	}

	private record Request(String method, String path, String contentType, String authorization, String body) {
	}

}
