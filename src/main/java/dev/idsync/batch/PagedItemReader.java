package dev.idsync.batch;

import java.util.Collections;
import java.util.Iterator;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.data.AbstractPaginatedDataItemReader;

import dev.idsync.source.Page;
import dev.idsync.source.PagedSource;

/**
 * Reads a paged source from its first page to its last, counting pages. Not restartable mid-way: a restarted read
 * starts over (its step clears what the failed attempt staged).
 *
 * @param <T> the item type
 */
final class PagedItemReader<T> extends AbstractPaginatedDataItemReader<T> {

	private final PagedSource<T> source;

	private @Nullable String cursor;

	private boolean finished;

	private int pages;

	PagedItemReader(PagedSource<T> source) {
		this.source = source;
		setName(source.name());
		setSaveState(false);
	}

	@Override
	protected Iterator<T> doPageRead() {
		// an empty page that is not the last (Okta's or Google's first pass may be empty) must not end the read
		while (!this.finished) {
			Page<T> page = this.source.page(this.cursor);
			this.pages++;
			this.cursor = page.next();
			this.finished = (this.cursor == null);
			if (!page.items().isEmpty()) {
				return page.items().iterator();
			}
		}
		return Collections.emptyIterator();
	}

	@Override
	protected void doOpen() throws Exception {
		super.doOpen();
		this.cursor = null;
		this.finished = false;
		this.pages = 0;
	}

	/** How many pages were read. */
	int pages() {
		return this.pages;
	}

	/** The source's name. */
	String sourceName() {
		return this.source.name();
	}

}
