package dev.idsync.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Test support: reads a paged source to its end.
 */
public final class PagedSources {

	private PagedSources() {
	}

	/** Every item of {@code source}, in order. */
	public static <T> List<T> readAll(PagedSource<T> source) {
		List<T> all = new ArrayList<>();
		String cursor = null;
		do {
			Page<T> page = source.page(cursor);
			all.addAll(page.items());
			cursor = page.next();
		}
		while (cursor != null);
		return all;
	}

}
