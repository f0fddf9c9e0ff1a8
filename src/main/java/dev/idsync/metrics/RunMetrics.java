package dev.idsync.metrics;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import org.jspecify.annotations.Nullable;

import dev.idsync.batch.RunResult;
import dev.idsync.domain.ExitCode;
import dev.idsync.report.RunSummary;

/**
 * Records finished runs into a Micrometer registry, in Prometheus' terms ({@code idsync_…}, seconds, {@code _total}
 * counters). Counters accumulate over the runs the registry sees ({@code idsync_runs_total{exit_code}},
 * {@code idsync_conduit_calls_total{method}}, {@code idsync_scheduled_runs_skipped_total{reason}}); every other metric
 * is a gauge that each run replaces: the {@code idsync_last_run_…} gauges on every run, the report's (findings,
 * changes, actions, gates, sources) on every run that wrote a report, {@code idsync_last_success_timestamp_seconds}
 * on every successful one. A run that failed before its report leaves the last report's gauges as they were.
 * <p>
 * A run is <em>successful</em> when it completed (wrote its report) and read every source completely, which is exit
 * code 0, 2 or 3: drift and a gate that stopped actions have metrics of their own. Use one instance per registry; it
 * is safe to call from several threads.
 */
public final class RunMetrics {

	private final MeterRegistry registry;

	private final MultiGauge lastRunTimestamp;

	private final MultiGauge lastRunDuration;

	private final MultiGauge lastRunExitCode;

	private final MultiGauge lastSuccess;

	private final ReportGauges report;

	private @Nullable Instant lastSuccessAt;

	/**
	 * Registers idsync's metrics: {@code idsync_runs_total} at zero for every exit code, the gauges once a run sets
	 * them.
	 * @param registry where the metrics go, e.g. a {@code PrometheusMeterRegistry}
	 */
	public RunMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lastRunTimestamp = Gauges.of(registry, "idsync.last.run.timestamp", "seconds",
				"When the last run ended, in seconds since the epoch");
		this.lastRunDuration = Gauges.of(registry, "idsync.last.run.duration", "seconds",
				"How long the last run took");
		this.lastRunExitCode = Gauges.of(registry, "idsync.last.run.exit.code", null,
				"The last run's exit code: 0 no drift, 1 error, 2 drift, 3 a safety gate stopped actions");
		this.lastSuccess = Gauges.of(registry, "idsync.last.success.timestamp", "seconds",
				"When the last successful run (report written, every source read completely) ended, in seconds "
						+ "since the epoch");
		this.report = new ReportGauges(registry);
		for (ExitCode code : ExitCode.values()) {
			runs(code);
		}
	}

	/**
	 * Records a finished run, whether it completed, failed or was refused.
	 * @param result how it ended (its summary, when it wrote a report; its Conduit calls, when its job started)
	 * @param startedAt when it was started
	 * @param finishedAt when it ended
	 */
	public synchronized void record(RunResult result, Instant startedAt, Instant finishedAt) {
		runs(result.exitCode()).increment();
		result.conduitCalls().forEach((method, calls) -> conduitCalls(method).increment(calls));
		Gauges.set(this.lastRunTimestamp, seconds(finishedAt));
		Gauges.set(this.lastRunDuration, Duration.between(startedAt, finishedAt).toMillis() / 1000.0);
		Gauges.set(this.lastRunExitCode, result.exitCode().code());
		RunSummary summary = result.summary();
		if (summary != null) {
			this.report.record(summary);
		}
		if (successful(result)) {
			lastSuccess(finishedAt);
		}
	}

	/**
	 * Sets when the last successful run ended, from what another process knows (idsync's store, when a long-lived
	 * process starts), unless a later success was recorded: a restart need not forget it.
	 * @param finishedAt when that run ended
	 */
	public synchronized void lastSuccess(Instant finishedAt) {
		if (this.lastSuccessAt == null || finishedAt.isAfter(this.lastSuccessAt)) {
			this.lastSuccessAt = finishedAt;
			Gauges.set(this.lastSuccess, seconds(finishedAt));
		}
	}

	/**
	 * Counts a scheduled run that did not happen ({@code idsync_scheduled_runs_skipped_total{reason}}).
	 * @param reason why, as a short stable word, e.g. {@code misfire} or {@code store-busy}
	 */
	public void skipped(String reason) {
		Counter.builder("idsync.scheduled.runs.skipped")
			.description("Scheduled runs that did not happen, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * Whether a run counts as successful: it completed (wrote its report) and read every source completely.
	 * @param result how the run ended
	 * @return {@code true} for exit codes 0, 2 and 3
	 */
	public static boolean successful(RunResult result) {
		return result.summary() != null && result.exitCode() != ExitCode.ERROR;
	}

	private Counter runs(ExitCode code) {
		return Counter.builder("idsync.runs")
			.description("Runs that ended, by exit code")
			.tag("exit_code", String.valueOf(code.code()))
			.register(this.registry);
	}

	private Counter conduitCalls(String method) {
		return Counter.builder("idsync.conduit.calls")
			.description("Conduit calls, by method (one per call, whatever its retries)")
			.tag("method", method)
			.register(this.registry);
	}

	private static double seconds(Instant instant) {
		return instant.toEpochMilli() / 1000.0;
	}

}
