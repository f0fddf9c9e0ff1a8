package dev.idsync.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.idsync.batch.RunResult;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.FindingHistory.Change;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.SourceRead;
import dev.idsync.report.RunSummary;

import static org.assertj.core.api.Assertions.assertThat;

class RunMetricsTests {

	private static final Instant T0 = Instant.parse("2026-12-01T02:30:00Z");

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final RunMetrics metrics = new RunMetrics(this.registry);

	@Test
	void recordWhenRunCompletesThenEveryMetricHasItsValue() {
		// given
		RunResult run = completed("run-1", ExitCode.GATE_STOPPED, true, "blast-radius:DISABLE",
				Map.of("user.search", 21L, "user.whoami", 2L));
		// when
		this.metrics.record(run, T0, T0.plusSeconds(95));
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(scrape.value("idsync_runs_total", "exit_code", "3")).isEqualTo(1);
		assertThat(scrape.value("idsync_runs_total", "exit_code", "0")).isZero();
		assertThat(scrape.value("idsync_last_run_exit_code")).isEqualTo(3);
		assertThat(scrape.value("idsync_last_run_duration_seconds")).isEqualTo(95);
		assertThat(scrape.value("idsync_last_run_timestamp_seconds")).isEqualTo(T0.getEpochSecond() + 95);
		assertThat(scrape.value("idsync_last_success_timestamp_seconds")).isEqualTo(T0.getEpochSecond() + 95);
		assertThat(scrape.value("idsync_findings", "category", "LEAVER_ACTIVE", "severity", "DRIFT")).isEqualTo(40);
		assertThat(scrape.value("idsync_findings", "category", "TOKEN_STALE", "severity", "DRIFT")).isEqualTo(9);
		assertThat(scrape.value("idsync_findings", "category", "ORPHAN", "severity", "DRIFT")).isZero();
		assertThat(scrape.samples("idsync_findings")).hasSize(Category.values().length);
		assertThat(scrape.value("idsync_findings_new", "severity", "DRIFT")).isEqualTo(7);
		assertThat(scrape.value("idsync_findings_resolved", "severity", "DRIFT")).isEqualTo(3);
		assertThat(scrape.value("idsync_findings_new", "severity", "INFO")).isEqualTo(1);
		assertThat(scrape.value("idsync_actions", "type", "DISABLE", "status", "HELD_GATE")).isEqualTo(40);
		assertThat(scrape.value("idsync_actions", "type", "ENABLE", "status", "APPLIED")).isZero();
		assertThat(scrape.samples("idsync_actions")).hasSize(ActionType.values().length * ActionStatus.values().length);
		assertThat(scrape.value("idsync_gate_stopped", "gate", "blast-radius:DISABLE")).isEqualTo(1);
		assertThat(scrape.value("idsync_gate_stopped", "gate", "completeness")).isZero();
		assertThat(scrape.value("idsync_source_complete", "source", "okta")).isEqualTo(1);
		assertThat(scrape.value("idsync_source_items", "source", "okta")).isEqualTo(2000);
		assertThat(scrape.value("idsync_source_pages", "source", "okta")).isEqualTo(10);
		assertThat(scrape.value("idsync_source_retries", "source", "okta")).isEqualTo(2);
		assertThat(scrape.value("idsync_source_rate_limit_waits", "source", "okta")).isEqualTo(1);
		assertThat(scrape.value("idsync_source_duration_seconds", "source", "okta")).isEqualTo(4.25);
		assertThat(scrape.value("idsync_conduit_calls_total", "method", "user.search")).isEqualTo(21);
	}

	@Test
	void recordWhenRunsFollowThenCountersAccumulateAndGaugesAreReplaced() {
		// given
		this.metrics.record(completed("run-1", ExitCode.GATE_STOPPED, true, "blast-radius:DISABLE",
				Map.of("user.search", 21L)), T0, T0.plusSeconds(60));
		// when
		this.metrics.record(completed("run-2", ExitCode.DRIFT, true, "first-run", Map.of("user.search", 20L,
				"user.edit", 1L)), T0.plusSeconds(86400), T0.plusSeconds(86430));
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(scrape.value("idsync_runs_total", "exit_code", "3")).isEqualTo(1);
		assertThat(scrape.value("idsync_runs_total", "exit_code", "2")).isEqualTo(1);
		assertThat(scrape.value("idsync_conduit_calls_total", "method", "user.search")).isEqualTo(41);
		assertThat(scrape.value("idsync_conduit_calls_total", "method", "user.edit")).isEqualTo(1);
		assertThat(scrape.value("idsync_last_run_duration_seconds")).isEqualTo(30);
		assertThat(scrape.value("idsync_last_run_exit_code")).isEqualTo(2);
		assertThat(scrape.samples("idsync_gate_stopped")).containsOnlyKeys(Map.of("gate", "completeness"),
				Map.of("gate", "first-run"));
	}

	@Test
	void recordWhenRunFailsThenTheLastReportAndSuccessStay() {
		// given
		this.metrics.record(completed("run-1", ExitCode.DRIFT, true, "first-run", Map.of()), T0, T0.plusSeconds(60));
		RunResult failed = new RunResult("run-2", ExitCode.ERROR, null, null, List.of(), "conduit: HTTP 500", null,
				List.of(), false, Map.of("user.whoami", 1L));
		// when
		this.metrics.record(failed, T0.plusSeconds(86400), T0.plusSeconds(86410));
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(scrape.value("idsync_runs_total", "exit_code", "1")).isEqualTo(1);
		assertThat(scrape.value("idsync_last_run_exit_code")).isEqualTo(1);
		assertThat(scrape.value("idsync_last_run_timestamp_seconds")).isEqualTo(T0.getEpochSecond() + 86410);
		assertThat(scrape.value("idsync_last_success_timestamp_seconds")).isEqualTo(T0.getEpochSecond() + 60);
		assertThat(scrape.value("idsync_findings", "category", "LEAVER_ACTIVE", "severity", "DRIFT")).isEqualTo(40);
		assertThat(scrape.value("idsync_conduit_calls_total", "method", "user.whoami")).isEqualTo(1);
	}

	@Test
	void recordWhenASourceIsIncompleteThenTheRunIsNoSuccess() {
		// given
		RunResult incomplete = completed("run-1", ExitCode.ERROR, false, "first-run", Map.of());
		// when
		this.metrics.record(incomplete, T0, T0.plusSeconds(60));
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(RunMetrics.successful(incomplete)).isFalse();
		assertThat(scrape.families()).doesNotContainKey("idsync_last_success_timestamp_seconds");
		assertThat(scrape.value("idsync_source_complete", "source", "okta")).isZero();
		assertThat(scrape.value("idsync_gate_stopped", "gate", "completeness")).isEqualTo(1);
	}

	@Test
	void recordWhenReportModeThenNoGateStopsActions() {
		// given: report mode takes no action, whatever the gates made of the planned ones
		RunResult report = completed("report", "run-1", ExitCode.DRIFT, true, "blast-radius:DISABLE", Map.of());
		// when
		this.metrics.record(report, T0, T0.plusSeconds(60));
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(scrape.samples("idsync_gate_stopped")).containsOnlyKeys(Map.of("gate", "completeness"),
				Map.of("gate", "blast-radius:DISABLE")).doesNotContainValue(1.0);
	}

	@Test
	void lastSuccessWhenKnownFromElsewhereThenOnlyALaterOneReplacesIt() {
		// given: a long-lived process that starts knowing yesterday's success from idsync's store
		this.metrics.lastSuccess(T0);
		// when
		this.metrics.record(completed("run-1", ExitCode.DRIFT, true, "first-run", Map.of()), T0.plusSeconds(86400),
				T0.plusSeconds(86460));
		this.metrics.lastSuccess(T0.plusSeconds(3600));
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(scrape.value("idsync_last_success_timestamp_seconds")).isEqualTo(T0.getEpochSecond() + 86460);
	}

	@Test
	void skippedWhenCalledThenCountsByReason() {
		// given
		this.metrics.skipped("misfire");
		// when
		this.metrics.skipped("misfire");
		this.metrics.skipped("store-busy");
		// then
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		assertThat(scrape.value("idsync_scheduled_runs_skipped_total", "reason", "misfire")).isEqualTo(2);
		assertThat(scrape.value("idsync_scheduled_runs_skipped_total", "reason", "store-busy")).isEqualTo(1);
	}

	@Test
	void scrapeWhenRecordedThenNamesFollowPrometheusConventions() {
		// given
		this.metrics.record(completed("run-1", ExitCode.DRIFT, true, "first-run", Map.of("user.search", 1L)), T0,
				T0.plusSeconds(1));
		this.metrics.skipped("misfire");
		// when
		PrometheusText scrape = PrometheusText.parse(this.registry.scrape());
		// then
		assertThat(scrape.families().keySet()).allMatch((name) -> name.startsWith("idsync_"));
		scrape.families().values().forEach((family) -> {
			assertThat(family.help()).as(family.name()).isNotBlank();
			assertThat(family.name().endsWith("_total")).as(family.name()).isEqualTo("counter".equals(family.type()));
		});
		assertThat(scrape.families()).containsOnlyKeys("idsync_runs_total", "idsync_conduit_calls_total",
				"idsync_scheduled_runs_skipped_total", "idsync_last_run_timestamp_seconds",
				"idsync_last_run_duration_seconds", "idsync_last_run_exit_code", "idsync_last_success_timestamp_seconds",
				"idsync_findings", "idsync_findings_new", "idsync_findings_resolved", "idsync_actions",
				"idsync_gate_stopped", "idsync_source_complete", "idsync_source_items", "idsync_source_pages",
				"idsync_source_retries", "idsync_source_rate_limit_waits", "idsync_source_duration_seconds");
	}

	/** A run in apply mode that wrote its report: okta read (completely or not), findings, actions held by a gate. */
	private static RunResult completed(String runId, ExitCode exitCode, boolean complete, String gate,
			Map<String, Long> conduitCalls) {
		return completed("apply", runId, exitCode, complete, gate, conduitCalls);
	}

	private static RunResult completed(String mode, String runId, ExitCode exitCode, boolean complete, String gate,
			Map<String, Long> conduitCalls) {
		List<SourceRead> sources = List.of(
				new SourceRead("okta", 10, 2000, 2, 1, 4250, complete, complete ? null : "HTTP 500 on page 3",
						List.of()),
				new SourceRead("phorge", 20, 1900, 0, 0, 1500, true, null, List.of()));
		List<GateResult> gates = List.of(new GateResult("completeness", complete, "…"),
				new GateResult(gate, false, "…"));
		RunSummary summary = new RunSummary(runId, T0, T0.plusSeconds(60), mode, "test", sources,
				Map.of(Category.LEAVER_ACTIVE, 40L, Category.TOKEN_STALE, 9L, Category.LINKED_OK, 1500L,
						Category.EXEMPT, 2L),
				Map.of(ActionType.DISABLE, 40L), exitCode, "run-0", Map.of(Change.NEW, 7L),
				gates, Map.of(ActionType.DISABLE, Map.of(ActionStatus.HELD_GATE, 40L)),
				Map.of(Category.LEAVER_ACTIVE, Map.of(Change.NEW, 5L, Change.PERSISTING, 35L, Change.RESOLVED, 3L),
						Category.TOKEN_STALE, Map.of(Change.NEW, 2L, Change.PERSISTING, 7L),
						Category.EXEMPT, Map.of(Change.NEW, 1L, Change.PERSISTING, 1L)));
		return new RunResult(runId, exitCode, null, summary, List.of(), null, null, List.of(), false, conduitCalls);
	}

}
