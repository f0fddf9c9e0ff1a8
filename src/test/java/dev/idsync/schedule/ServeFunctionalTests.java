package dev.idsync.schedule;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.TestStore;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.metrics.PrometheusText;
import dev.idsync.metrics.ReportAgreement;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code idsync serve} on an H2 store: a run fired through the scheduler, health, metrics that agree with the report,
 * the report and catalog behind a bearer token, and runs missed while no serve was up.
 */
class ServeFunctionalTests {

	static final SyntheticOrg ORG = OrgGenerator.generate(19, 300);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	@Test
	void runNowFiresARunThenServesHealthMetricsAndTheReportBehindItsToken() throws Exception {
		try (TestStore store = TestStore.of("h2", this.dir);
				Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// given serve on its own port, with a token for the report URLs
			int port = freePort();
			Path token = Files.writeString(this.dir.resolve("management.token"), "idsync-test-token-0123456789\n");
			Path reports = this.dir.resolve("reports");
			JobSettings settings = settings(store.config(simulator, this.dir, List.of("management.port: " + port,
					"management.token-file: " + token, "report.dir: " + reports)));
			try (Serve.Serving serving = Serve.start(settings)) {
				// when one run is fired through the scheduler
				serving.runNow();
				await(() -> store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'COMPLETED'") == 1
						&& Files.exists(reports.resolve(ScheduledRuns.CATALOG)), Duration.ofMinutes(2));

				// then health says alive and ready, without a token
				assertThat(get(port, "/health/liveness", null).body()).contains("\"UP\"");
				assertThat(get(port, "/health/readiness", null).statusCode()).isEqualTo(200);
				// and the metrics agree with the run's report
				HttpResponse<String> scraped = get(port, "/metrics", null);
				assertThat(scraped.statusCode()).isEqualTo(200);
				PrometheusText metrics = PrometheusText.parse(scraped.body());
				String runId = store.text("SELECT run_id FROM idsync_run WHERE status = 'COMPLETED'");
				ReportAgreement.assertAgree(metrics, JsonMapper.builder().build()
					.readTree(reports.resolve(runId).resolve("report.json").toFile()));
				assertThat(metrics.value("idsync_runs_total", "exit_code", "2")).isEqualTo(1.0);
				assertThat(metrics.families()).containsKeys("jvm_memory_used_bytes", "hikaricp_connections");
				// and the report and the catalog are served with the token only
				assertThat(get(port, "/reports/latest/report.html", null).statusCode()).isEqualTo(401);
				assertThat(get(port, "/reports/latest/report.html", "guess").statusCode()).isEqualTo(401);
				HttpResponse<String> report = get(port, "/reports/latest/report.html", "idsync-test-token-0123456789");
				assertThat(report.statusCode()).isEqualTo(200);
				assertThat(report.body()).isEqualTo(Files.readString(reports.resolve(runId).resolve("report.html")));
				assertThat(get(port, "/catalog/users.yaml", null).statusCode()).isEqualTo(401);
				HttpResponse<String> catalog = get(port, "/catalog/users.yaml", "idsync-test-token-0123456789");
				assertThat(catalog.statusCode()).isEqualTo(200);
				assertThat(catalog.body()).contains("kind: \"User\"");
			}
		}
	}

	@Test
	void runMissedWhileNoServeWasUpRunsOnceWhenLessLateThanTheThresholdAndIsSkippedWhenLater() throws Exception {
		try (TestStore store = TestStore.of("h2", this.dir);
				Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// given serve scheduled nightly at 03:00 UTC, with a misfire threshold of 10 minutes, started once
			int port = freePort();
			JobSettings settings = settings(store.config(simulator, this.dir, List.of("management.port: " + port,
					"report.dir: " + this.dir.resolve("reports"), "schedule.cron: '0 0 3 * * ?'",
					"schedule.misfire-threshold: 10m")));
			try (Serve.Serving serving = Serve.start(settings)) {
				assertThat(store.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'nightly'")).isOne();
			}

			// when the run was due 4 minutes ago, while no serve was up, and serve starts
			dueAgo(store, Duration.ofMinutes(4));
			try (Serve.Serving serving = Serve.start(settings)) {
				// then it runs once, at once
				await(() -> store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'COMPLETED'") == 1,
						Duration.ofMinutes(2));
			}

			// and when the run was due 20 minutes ago
			dueAgo(store, Duration.ofMinutes(20));
			try (Serve.Serving serving = Serve.start(settings)) {
				// then it is skipped, the skip recorded with why, and counted in the metrics
				await(() -> store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'SKIPPED'") == 1,
						Duration.ofMinutes(1));
				String skipped = store.text("SELECT run_id FROM idsync_run WHERE status = 'SKIPPED'");
				assertThat(store.text("SELECT note FROM run_note WHERE run_id = ?", skipped))
					.startsWith("no idsync serve was up when it was due; it was 20 min late when one started, over "
							+ "idsync.schedule.misfire-threshold (10 min)");
				PrometheusText metrics = PrometheusText.parse(get(port, "/metrics", null).body());
				assertThat(metrics.value("idsync_scheduled_runs_skipped_total", "reason", "misfire")).isEqualTo(1.0);
				assertThat(store.count("SELECT COUNT(*) FROM idsync_run WHERE status = 'COMPLETED'")).isOne();
				// and the next one is as scheduled
				assertThat(store.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'nightly' "
						+ "AND NEXT_FIRE_TIME > ?", System.currentTimeMillis())).isOne();
			}
		}
	}

	/** Moves the nightly trigger's next fire time into the past, as if no serve had been up when it was due. */
	private static void dueAgo(TestStore store, Duration ago) {
		store.update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = 'nightly'",
				Instant.now().minus(ago).toEpochMilli());
	}

	static JobSettings settings(Path config) {
		IdsyncProperties properties = ConfigLoader.load(config);
		return new JobSettings(properties, Credentials.resolve(properties, Map.of()), Clock.systemUTC());
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static HttpResponse<String> get(int port, String path, @Nullable String token)
			throws IOException, InterruptedException {
		return get(port, path, token, Duration.ofSeconds(30));
	}

	static HttpResponse<String> get(int port, String path, @Nullable String token, Duration timeout)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(timeout);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
		Instant deadline = Instant.now().plus(within);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not within " + within);
			}
			Thread.sleep(200);
		}
	}

}
