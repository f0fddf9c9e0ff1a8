package dev.idsync.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Where a run without a long-lived process ({@code idsync run}, {@code plan}, {@code apply} under cron or a
 * Kubernetes CronJob) leaves its metrics when it ends ({@code idsync.metrics}): pushed to a Prometheus Pushgateway,
 * written as a node_exporter textfile, or both. Neither changes the run's outcome when it fails.
 *
 * @param pushgateway a Prometheus Pushgateway the metrics are pushed to; none when unset
 * @param textfile a file the metrics are written to, atomically, for node_exporter's textfile collector (e.g.
 * {@code /var/lib/node_exporter/textfile/idsync.prom}); its name must end in {@code .prom}; none when unset
 */
public record MetricsProperties(@NestedConfigurationProperty @Nullable PushgatewayProperties pushgateway,
		@Nullable Path textfile) {

	public MetricsProperties {
		if (textfile != null && (textfile.getFileName() == null || !textfile.getFileName().toString()
			.endsWith(".prom"))) {
			throw new ConfigException("idsync.metrics.textfile: '" + textfile + "' does not end in .prom, and "
					+ "node_exporter's textfile collector reads only *.prom files. Use e.g. "
					+ "/var/lib/node_exporter/textfile/idsync.prom.");
		}
	}

	/** No metrics leave the process. */
	public static MetricsProperties none() {
		return new MetricsProperties(null, null);
	}

	/** Whether a run's metrics go anywhere when it ends. */
	public boolean exported() {
		return this.pushgateway != null || this.textfile != null;
	}

}
