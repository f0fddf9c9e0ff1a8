package dev.idsync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.schedule.Serve;

/**
 * {@code idsync serve}: the nightly job on a schedule, in a long-lived process.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Runs the nightly job on a schedule (idsync.schedule.cron, Quartz syntax, default '0 30 2 * * ?' "
				+ "in idsync.schedule.time-zone, default UTC) until stopped, in the configured mode with every gate "
				+ "of a scheduled run. Quartz keeps the schedule in idsync's store; replicas on one PostgreSQL store "
				+ "form a cluster that fires each run exactly once, and a survivor takes over the run of a replica "
				+ "that dies. A run missed while no replica was up runs once at start if it is less late than "
				+ "idsync.schedule.misfire-threshold (6h), and is skipped (and recorded) otherwise.",
				"HTTP on idsync.management.address:port (default 127.0.0.1:9470): /health/liveness, "
						+ "/health/readiness, /metrics (Prometheus), and with a bearer token "
						+ "(idsync.management.token-file) /reports/latest/report.html and /catalog/users.yaml.",
				"SIGTERM stops the run that is going at its next step or chunk boundary (at most 25 s), as a "
						+ "failed run stops: 'idsync run --restart RUN_ID' or the next scheduled run finishes it." },
		footerHeading = "%nExit codes:%n", footer = { "  0 stopped, 1 error (configuration, store)" })
final class ServeCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync YAML configuration.")
	@Nullable Path config;

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--run-now", description = "Fire one run at once through the scheduler, as a scheduled run fires "
			+ "(for the first night, and for tests).")
	boolean runNow;

	@Override
	public Integer call() throws Exception {
		JobSettings settings = Settings.load(this.config, this.logs);
		if (settings == null) {
			return 1;
		}
		return Serve.serve(settings, this.runNow);
	}

}
