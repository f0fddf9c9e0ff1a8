package dev.idsync.metrics;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support: asserts that the metrics of one run, as Prometheus reads them, say what the run's {@code report.json}
 * says: exit code, findings by category and severity, new and resolved findings, actions by type and status, gates,
 * and every source read.
 */
public final class ReportAgreement {

	private ReportAgreement() {
	}

	/**
	 * Asserts that the metrics of a registry (or a push, or a textfile) that recorded this one run agree with its
	 * report.
	 */
	public static void assertAgree(PrometheusText metrics, JsonNode report) {
		int exitCode = report.path("exitCode").asInt();
		assertThat(metrics.value("idsync_last_run_exit_code")).isEqualTo(exitCode);
		assertThat(metrics.value("idsync_runs_total", "exit_code", String.valueOf(exitCode))).isEqualTo(1);
		assertFindings(metrics, report);
		assertChanges(metrics, report);
		assertActions(metrics, report);
		assertGates(metrics, report);
		assertSources(metrics, report);
	}

	private static void assertFindings(PrometheusText metrics, JsonNode report) {
		Map<Map<String, String>, Double> counted = noFindings();
		for (JsonNode finding : report.path("findings")) {
			counted.merge(Map.of("category", finding.path("category").asString(), "severity",
					finding.path("severity").asString()), 1.0, Double::sum);
		}
		assertThat(metrics.samples("idsync_findings")).isEqualTo(counted);
		report.path("summary").path("byCategory").properties().forEach((entry) -> assertThat(metrics.value(
				"idsync_findings", "category", entry.getKey(), "severity",
				Category.valueOf(entry.getKey()).severity().name())).isEqualTo(entry.getValue().asDouble()));
	}

	private static void assertChanges(PrometheusText metrics, JsonNode report) {
		Map<String, Double> fresh = new HashMap<>(Map.of("DRIFT", 0.0, "INFO", 0.0));
		for (JsonNode finding : report.path("findings")) {
			if (finding.path("sinceLast").asString("").equals("NEW") && fresh.containsKey(finding.path("severity")
				.asString())) {
				fresh.merge(finding.path("severity").asString(), 1.0, Double::sum);
			}
		}
		Map<String, Double> resolved = new HashMap<>(Map.of("DRIFT", 0.0, "INFO", 0.0));
		for (JsonNode finding : report.path("resolved")) {
			Severity severity = Category.valueOf(finding.path("category").asString()).severity();
			resolved.computeIfPresent(severity.name(), (key, n) -> n + 1);
		}
		fresh.forEach((severity, n) -> assertThat(metrics.value("idsync_findings_new", "severity", severity))
			.as("new %s", severity).isEqualTo(n));
		resolved.forEach((severity, n) -> assertThat(metrics.value("idsync_findings_resolved", "severity", severity))
			.as("resolved %s", severity).isEqualTo(n));
	}

	private static void assertActions(PrometheusText metrics, JsonNode report) {
		Map<Map<String, String>, Double> counted = new HashMap<>();
		for (ActionType type : ActionType.values()) {
			for (ActionStatus status : ActionStatus.values()) {
				counted.put(Map.of("type", type.name(), "status", status.name()), 0.0);
			}
		}
		for (JsonNode action : report.path("actions")) {
			counted.merge(Map.of("type", action.path("type").asString(), "status", action.path("status").asString()),
					1.0, Double::sum);
		}
		assertThat(metrics.samples("idsync_actions")).isEqualTo(counted);
		report.path("summary").path("actionsByType").properties().forEach((entry) -> assertThat(
				metrics.samples("idsync_actions").entrySet().stream()
					.filter((sample) -> sample.getKey().get("type").equals(entry.getKey()))
					.mapToDouble(Map.Entry::getValue).sum()).as(entry.getKey()).isEqualTo(entry.getValue().asDouble()));
	}

	/** A gate stopped actions when it did not pass and held back actions that the run's mode would take. */
	private static void assertGates(PrometheusText metrics, JsonNode report) {
		boolean held = !report.path("mode").asString().startsWith("report") && report.path("actions").valueStream()
			.anyMatch((action) -> action.path("status").asString().equals("HELD_GATE"));
		Map<Map<String, String>, Double> gates = new HashMap<>();
		report.path("gates").forEach((gate) -> gates.put(Map.of("gate", gate.path("gate").asString()),
				(held && !gate.path("passed").asBoolean()) ? 1.0 : 0.0));
		assertThat(metrics.samples("idsync_gate_stopped")).isEqualTo(gates);
	}

	private static void assertSources(PrometheusText metrics, JsonNode report) {
		assertThat(metrics.samples("idsync_source_complete")).hasSize(report.path("sources").size());
		for (JsonNode source : report.path("sources")) {
			String name = source.path("name").asString();
			assertThat(metrics.value("idsync_source_complete", "source", name)).as(name)
				.isEqualTo(source.path("complete").asBoolean() ? 1 : 0);
			assertThat(metrics.value("idsync_source_items", "source", name)).as(name)
				.isEqualTo(source.path("items").asDouble());
			assertThat(metrics.value("idsync_source_pages", "source", name)).as(name)
				.isEqualTo(source.path("pages").asDouble());
			assertThat(metrics.value("idsync_source_retries", "source", name)).as(name)
				.isEqualTo(source.path("retries").asDouble());
			assertThat(metrics.value("idsync_source_rate_limit_waits", "source", name)).as(name)
				.isEqualTo(source.path("rateLimitWaits").asDouble());
			assertThat(metrics.value("idsync_source_duration_seconds", "source", name)).as(name)
				.isEqualTo(source.path("durationMs").asDouble() / 1000);
		}
	}

	/** Zero findings of every category, with its severity. */
	private static Map<Map<String, String>, Double> noFindings() {
		Map<Map<String, String>, Double> zeros = new HashMap<>();
		for (Category category : Category.values()) {
			zeros.put(Map.of("category", category.name(), "severity", category.severity().name()), 0.0);
		}
		return zeros;
	}

}
