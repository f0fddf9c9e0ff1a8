package dev.idsync.metrics;

import java.nio.file.Path;
import java.time.Instant;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.idsync.batch.RunResult;
import dev.idsync.config.MetricsProperties;
import dev.idsync.config.PushgatewayProperties;

/**
 * Leaves the metrics of a run without a long-lived process ({@code idsync run} under cron or a CronJob) where
 * {@code idsync.metrics} says: a node_exporter textfile, a Pushgateway, or both. Each keeps the metrics this run does
 * not set (a run that failed before its report leaves the last report's gauges and the last success time), and its
 * counters count this run alone. A failure is logged in one line, naming neither a credential nor a stack, and never
 * changes the run's outcome.
 */
public final class MetricsExport {

	private static final Log log = LogFactory.getLog("dev.idsync.metrics");

	private MetricsExport() {
	}

	/**
	 * Exports a finished run's metrics, if the configuration asks for any; never throws.
	 * @param properties where the metrics go
	 * @param result how the run ended
	 * @param startedAt when the run was started
	 * @param finishedAt when it ended
	 */
	public static void export(MetricsProperties properties, RunResult result, Instant startedAt, Instant finishedAt) {
		if (!properties.exported()) {
			return;
		}
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new RunMetrics(registry).record(result, startedAt, finishedAt);
		if (properties.textfile() != null) {
			write(properties.textfile(), registry, result.runId());
		}
		if (properties.pushgateway() != null) {
			push(properties.pushgateway(), registry, result.runId());
		}
	}

	private static void write(Path textfile, PrometheusMeterRegistry registry, String runId) {
		try {
			Textfile.write(textfile, registry.scrape());
		}
		catch (RuntimeException ex) {
			// a run's metrics are a courtesy to its watchers: the report and the exit code are what it is judged by
			log.warn("the metrics of run " + runId + " were not written: " + ex.getMessage()
					+ ". The run's outcome is unchanged.");
		}
	}

	private static void push(PushgatewayProperties pushgateway, PrometheusMeterRegistry registry, String runId) {
		try {
			Pushgateway.push(pushgateway, registry.getPrometheusRegistry());
		}
		catch (RuntimeException ex) {
			log.warn("the metrics of run " + runId + " were not pushed to the Pushgateway at "
					+ pushgateway.endpoint() + ": " + ex.getMessage() + ". The run's outcome is unchanged.");
		}
	}

}
