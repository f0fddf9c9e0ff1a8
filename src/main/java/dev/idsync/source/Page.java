package dev.idsync.source;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a paged read.
 *
 * @param <T> the item type
 * @param items the page's items
 * @param next the cursor of the next page, or {@code null} after the last page
 */
public record Page<T>(List<T> items, @Nullable String next) {

	public Page {
		items = List.copyOf(items);
	}

}
