package dev.idsync.source;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a paged read, with what it took to get it.
 *
 * @param <T> the item type
 * @param items the page's items
 * @param next the cursor of the next page, or {@code null} after the last page
 * @param retries how many times a request for this page was repeated after a failure
 * @param rateLimitWaits how many times the read paused for a rate limit before or while getting this page
 * @param problems what was wrong with rows of this page that could not be read (e.g. {@code line 17: no email});
 * any problem makes the source incomplete
 */
public record Page<T>(List<T> items, @Nullable String next, int retries, int rateLimitWaits, List<String> problems) {

	public Page {
		items = List.copyOf(items);
		problems = List.copyOf(problems);
		if (retries < 0 || rateLimitWaits < 0) {
			throw new IllegalArgumentException("retries and rateLimitWaits cannot be negative");
		}
	}

	/** A page read at the first attempt, without rate-limit waits or problems. */
	public Page(List<T> items, @Nullable String next) {
		this(items, next, 0, 0, List.of());
	}

}
