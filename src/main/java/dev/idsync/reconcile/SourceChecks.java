package dev.idsync.reconcile;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.SourceRead;

/**
 * Decides whether a source's read can be trusted to hold everyone. Reading a failed, partial or empty source as
 * "everyone left" is the worst failure in this field; a read is therefore complete only when its pagination ended
 * normally, no row was unreadable, it holds somebody, and it did not shrink beyond a band since the last complete read.
 */
public final class SourceChecks {

	private SourceChecks() {
	}

	/**
	 * Judges one read.
	 * @param read the read as it ended (incomplete already when it failed)
	 * @param lastComplete the number of items of the last complete read of the same source, or {@code null} if none
	 * @param maxDropPercent the largest trusted shrink, in percent of {@code lastComplete}
	 * @param maxDropCount the largest trusted shrink, in items
	 * @return the read, marked incomplete with the reason where it cannot be trusted
	 */
	public static SourceRead judge(SourceRead read, @Nullable Integer lastComplete, int maxDropPercent,
			int maxDropCount) {
		SourceRead rows = judgeRows(read);
		if (!rows.complete()) {
			return rows;
		}
		if (read.items() == 0) {
			return read.incomplete("returned nobody; an empty source is never trusted");
		}
		if (lastComplete != null) {
			long drop = (long) lastComplete - read.items();
			if (drop > maxDropCount || drop * 100 > (long) maxDropPercent * lastComplete) {
				return read.incomplete("holds " + read.items() + ", " + drop + " fewer than its last complete read ("
						+ lastComplete + "); a drop of more than " + maxDropPercent + "% or " + maxDropCount
						+ " is not trusted (idsync.completeness)");
			}
		}
		return read;
	}

	/**
	 * Judges a read that may legitimately be empty or shrink (external-account links, API tokens): only errors and
	 * unreadable rows make it incomplete.
	 * @param read the read as it ended
	 * @return the read, marked incomplete when a row could not be read
	 */
	public static SourceRead judgeRows(SourceRead read) {
		if (read.complete() && !read.problems().isEmpty()) {
			return read.incomplete("unreadable rows (first: " + read.problems().get(0) + ")");
		}
		return read;
	}

}
