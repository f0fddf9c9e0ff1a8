package dev.idsync.report;

import java.util.List;
import java.util.stream.Stream;

import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.RunTally;

/**
 * A run as its reports see it: the summary and recent history, and its findings, actions and resolved findings,
 * each streamed afresh for every format that needs them (close each stream).
 */
public interface RecordedRun {

	/** The run's summary. */
	RunSummary summary();

	/** The newest runs up to this one, oldest first, for trends. */
	List<RunTally> history();

	/** The findings: account findings by username, then identity findings by identity. */
	Stream<Finding> findings();

	/** The planned actions, by type and username. */
	Stream<PlannedAction> actions();

	/** The last complete run's drift and info findings that this run no longer has. */
	Stream<Finding> resolved();

	/**
	 * A run held in memory (tests, small runs).
	 * @param summary the summary
	 * @param history the newest runs, oldest first
	 * @param findings the findings
	 * @param actions the planned actions
	 * @param resolved the resolved findings
	 * @return the run
	 */
	static RecordedRun of(RunSummary summary, List<RunTally> history, List<Finding> findings,
			List<PlannedAction> actions, List<Finding> resolved) {
		List<RunTally> tallies = List.copyOf(history);
		List<Finding> found = List.copyOf(findings);
		List<PlannedAction> planned = List.copyOf(actions);
		List<Finding> gone = List.copyOf(resolved);
		return new RecordedRun() {

			@Override
			public RunSummary summary() {
				return summary;
			}

			@Override
			public List<RunTally> history() {
				return tallies;
			}

			@Override
			public Stream<Finding> findings() {
				return found.stream();
			}

			@Override
			public Stream<PlannedAction> actions() {
				return planned.stream();
			}

			@Override
			public Stream<Finding> resolved() {
				return gone.stream();
			}

		};
	}

}
