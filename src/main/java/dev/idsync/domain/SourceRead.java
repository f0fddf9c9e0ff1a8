package dev.idsync.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How reading one source went in one run.
 *
 * @param name the source's name
 * @param pages pages read
 * @param items items read
 * @param retries requests repeated after a failure
 * @param rateLimitWaits pauses for rate limits
 * @param durationMs how long the read took
 * @param complete whether the read can be trusted to hold everyone (see the completeness check)
 * @param reason why it is not complete, or {@code null}; without the source's name in front, which every report
 * line about the read already gives (an adapter's message starting with it loses it here)
 * @param problems rows that could not be read, each with where it stands (at most a hundred are kept)
 */
public record SourceRead(String name, int pages, int items, int retries, int rateLimitWaits, long durationMs,
		boolean complete, @Nullable String reason, List<String> problems) {

	/** At most this many problems are kept; the reason gives the total. */
	public static final int MAX_PROBLEMS = 100;

	public SourceRead {
		problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
		if (reason != null && reason.startsWith(name + ": ")) {
			reason = reason.substring(name.length() + 2);
		}
	}

	/** This read judged incomplete for {@code why}. */
	public SourceRead incomplete(String why) {
		return new SourceRead(this.name, this.pages, this.items, this.retries, this.rateLimitWaits, this.durationMs,
				false, why, this.problems);
	}

}
