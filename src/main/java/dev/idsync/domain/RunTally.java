package dev.idsync.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One run as the run history counts it: how it ended and how many findings it had, for trends.
 *
 * @param runId the run
 * @param startedAt when it started
 * @param mode its mode as recorded, e.g. {@code report} or {@code apply, dry run}
 * @param status how the job ended ({@code COMPLETED}, {@code FAILED}, {@code RUNNING} while it runs)
 * @param exitCode its exit code, once it ended
 * @param sourcesComplete whether it read every source completely, once it knows
 * @param kept whether its findings are still kept ({@code idsync.store.keep-runs} deletes older runs' records; the
 * counts are then zero)
 * @param findings how many findings it had in all
 * @param drift how many of them are of severity {@code DRIFT}
 * @param attention how many are not {@code OK} (drift and info): the findings new/persisting/resolved counts cover
 * @param newSinceLast how many of those were new since the last complete run before it
 * @param resolved how many of that run's drift and info findings were gone
 */
public record RunTally(String runId, Instant startedAt, String mode, String status, @Nullable Integer exitCode,
		@Nullable Boolean sourcesComplete, boolean kept, long findings, long drift, long attention, long newSinceLast,
		long resolved) {

	/** Whether the run completed and read every source completely: only such runs are compared with each other. */
	public boolean complete() {
		return "COMPLETED".equals(this.status) && Boolean.TRUE.equals(this.sourcesComplete);
	}

}
