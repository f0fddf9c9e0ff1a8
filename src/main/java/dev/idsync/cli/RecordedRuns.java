package dev.idsync.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.store.RunStore;

/**
 * Picks the recorded run a report command is about: the one named, else the newest that completed.
 */
final class RecordedRuns {

	private RecordedRuns() {
	}

	/**
	 * The run to report on, or {@code null} after saying why there is none.
	 * @param runs the recorded runs
	 * @param runId the run named on the command line, or {@code null} for the newest completed one
	 * @param err where a missing run is reported
	 */
	static @Nullable String pick(RunStore runs, @Nullable String runId, PrintWriter err) {
		if (runId == null) {
			String last = runs.lastCompletedRun().orElse(null);
			if (last == null) {
				err.println("idsync: no run has completed in this store yet. Run 'idsync run --config FILE' first.");
			}
			return last;
		}
		if (runs.startedAt(runId).isEmpty()) {
			err.println("idsync: no run " + runId + " is recorded in this store. 'idsync history' lists the runs.");
			return null;
		}
		Optional<String> skipped = runs.skip(runId);
		if (skipped.isPresent()) {
			err.println("idsync: run " + runId + " was skipped: " + skipped.get() + " It has no report; 'idsync "
					+ "history' lists the runs.");
			return null;
		}
		Optional<String> abandoned = runs.abandonment(runId);
		if (abandoned.isPresent()) {
			err.println("idsync: run " + runId + " was " + abandoned.get() + ". It has no report; 'idsync history' "
					+ "lists the runs.");
			return null;
		}
		if (runs.reads(runId).isEmpty()) {
			err.println("idsync: the records of run " + runId + " are no longer kept (idsync.store.keep-runs); its "
					+ "report folder is all that is left of it.");
			return null;
		}
		return runId;
	}

}
