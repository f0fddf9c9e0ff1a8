package dev.idsync.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import dev.idsync.batch.CatalogExport;
import dev.idsync.batch.JobSettings;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunControl;
import dev.idsync.batch.RunIds;
import dev.idsync.batch.RunOptions;
import dev.idsync.batch.RunResult;
import dev.idsync.domain.ExitCode;
import dev.idsync.metrics.RunMetrics;
import dev.idsync.store.RunStore;
import dev.idsync.store.StoreBusyException;

/**
 * The runs serve fires: the nightly job in the configured mode, with every gate a scheduled run has, under the
 * process's {@link RunControl}. A run the store's lock refuses (another run holds the store) is recorded as skipped;
 * so is one Quartz found missed for longer than the misfire threshold. Each outcome goes to the metrics, and a
 * complete run refreshes the Backstage catalog served beside the report.
 */
final class ScheduledRuns {

	/** The Backstage catalog serve keeps, under the report directory. */
	static final String CATALOG = "catalog/users.yaml";

	private static final Log log = LogFactory.getLog("dev.idsync.serve");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final JobSettings settings;

	private final RunControl control;

	private final RunStore runs;

	private final DataSource store;

	private final RunMetrics metrics;

	ScheduledRuns(JobSettings settings, RunControl control, DataSource store, RunMetrics metrics) {
		this.settings = settings;
		this.control = control;
		this.runs = new RunStore(store);
		this.store = store;
		this.metrics = metrics;
	}

	/**
	 * Runs the nightly job now, as scheduled for {@code scheduledFor}.
	 * @param scheduledFor when the run was due
	 * @param recovering whether it is fired again because the replica that ran it died
	 */
	void fire(Instant scheduledFor, boolean recovering) {
		String runId = RunIds.next(this.settings.clock());
		try (MDC.MDCCloseable logged = MDC.putCloseable(RunIds.LOG_KEY, runId)) {
			fire(runId, scheduledFor, recovering);
		}
	}

	private void fire(String runId, Instant scheduledFor, boolean recovering) {
		Path reports = this.settings.properties().report().dir();
		RunOptions options = new RunOptions(this.settings.properties().remediation().configuredMode(), false, null,
				false, null);
		log.info("run " + runId + " starts, scheduled for " + TIME.format(scheduledFor)
				+ (recovering ? " (again: the replica that ran it stopped)" : ""));
		Instant started = this.settings.clock().instant();
		RunResult result;
		try {
			result = NightlySync.run(this.settings, runId, reports, options, this.control, "idsync serve");
		}
		catch (StoreBusyException busy) {
			skip(runId, scheduledFor, "store-busy", busy.getMessage());
			return;
		}
		this.metrics.record(result, started, this.settings.clock().instant());
		log.info("run " + runId + " ended: exit code " + result.exitCode().code() + " (" + result.exitCode().name()
				+ ")" + ((result.failure() != null) ? ": " + result.failure() : ""));
		if (result.summary() != null && result.exitCode() != ExitCode.ERROR) {
			refreshCatalog(reports);
		}
	}

	/**
	 * Records a scheduled run that does not happen.
	 * @param runId the id it is recorded under
	 * @param scheduledFor when it was due
	 * @param reason a short label, for the metrics ({@code misfire}, {@code store-busy})
	 * @param why in one sentence, for the history
	 */
	void skip(String runId, Instant scheduledFor, String reason, String why) {
		log.warn("the run scheduled for " + TIME.format(scheduledFor) + " did not happen: " + why);
		this.runs.skipped(runId, scheduledFor, this.settings.clock().instant(), why);
		this.metrics.skipped(reason);
	}

	/** The catalog of the newest complete run; a failure to write it is said once and changes nothing else. */
	private void refreshCatalog(Path reports) {
		try {
			CatalogExport.Outcome outcome = CatalogExport.write(this.store,
					this.settings.properties().phorge().url(), reports.resolve(CATALOG), false);
			if (outcome.refusal() != null) {
				log.warn("the Backstage catalog was not refreshed: " + outcome.refusal());
			}
		}
		catch (RuntimeException ex) {
			log.warn("the Backstage catalog was not refreshed: " + ex.getMessage());
		}
	}

}
