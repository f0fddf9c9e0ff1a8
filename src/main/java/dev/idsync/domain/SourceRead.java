package dev.idsync.domain;

import org.jspecify.annotations.Nullable;

/**
 * How reading one source went in one run.
 *
 * @param name the source's name
 * @param pages pages read
 * @param items items read
 * @param durationMs how long the read took
 * @param complete whether every page was read without error
 * @param reason why the read is not complete, or {@code null}
 */
public record SourceRead(String name, int pages, int items, long durationMs, boolean complete,
		@Nullable String reason) {
}
