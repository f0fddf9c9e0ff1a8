package dev.idsync.source;

import org.jspecify.annotations.Nullable;

/**
 * A source read page by page, from a {@code null} cursor until a page has no next cursor.
 *
 * @param <T> the item type
 */
public interface PagedSource<T> {

	/** The source's configured name, as reports and the database show it. */
	String name();

	/**
	 * Reads one page.
	 * @param cursor {@code null} for the first page, else the previous page's {@link Page#next()}
	 * @return the page
	 * @throws SourceException when the source fails; the read is then incomplete
	 */
	Page<T> page(@Nullable String cursor);

}
