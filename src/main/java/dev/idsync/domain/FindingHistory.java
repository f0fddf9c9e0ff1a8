package dev.idsync.domain;

import java.time.Instant;

/**
 * How long a finding has been seen: compared with the last run that read every source completely.
 *
 * @param firstSeen when a run first reported it (and every complete run since has)
 * @param runsSeen in how many consecutive complete runs, this one included
 * @param sinceLast {@link Change#NEW} when the last complete run did not report it, else {@link Change#PERSISTING}
 */
public record FindingHistory(Instant firstSeen, int runsSeen, Change sinceLast) {

	/** A finding's change since the last complete run; {@link #RESOLVED} ones are listed apart from the findings. */
	public enum Change {

		/** Not reported by the last complete run. */
		NEW,

		/** Reported by the last complete run too. */
		PERSISTING,

		/** Reported by the last complete run, no longer now. */
		RESOLVED

	}

}
