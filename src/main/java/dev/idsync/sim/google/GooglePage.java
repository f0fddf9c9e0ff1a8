package dev.idsync.sim.google;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a listing.
 *
 * @param <T> what is listed
 * @param items the page's items
 * @param nextPageToken the token of the next page, {@code null} on the last one
 */
record GooglePage<T>(List<T> items, @Nullable String nextPageToken) {

	GooglePage {
		items = List.copyOf(items);
	}

}
