package dev.idsync.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.data.AbstractPaginatedDataItemReader;

import dev.idsync.domain.SourceRead;
import dev.idsync.source.Page;
import dev.idsync.source.PagedSource;
import dev.idsync.source.SourceException;

/**
 * Reads a paged source from its first page to its last, counting pages, retries, rate-limit waits and unreadable
 * rows, and logging progress at a steady interval. A source that fails ends the read without failing the step: what
 * was read stays staged, and the failure makes the read incomplete (so nobody is concluded absent from it). Not
 * restartable mid-way: a restarted read starts over (its step clears what the failed attempt staged).
 *
 * @param <T> the item type
 */
final class PagedItemReader<T> extends AbstractPaginatedDataItemReader<T> {

	private static final Log log = LogFactory.getLog("dev.idsync.job");

	private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final PagedSource<T> source;

	private @Nullable String cursor;

	private boolean finished;

	private int pages;

	private int items;

	private int retries;

	private int rateLimitWaits;

	private final List<String> problems = new ArrayList<>();

	private @Nullable String failure;

	private long lastProgress;

	PagedItemReader(PagedSource<T> source) {
		this.source = source;
		setName(source.name());
		setSaveState(false);
	}

	@Override
	protected Iterator<T> doPageRead() {
		// an empty page that is not the last (Okta's or Google's first pass may be empty) must not end the read
		while (!this.finished) {
			Page<T> page;
			try {
				page = this.source.page(this.cursor);
			}
			catch (SourceException ex) {
				this.retries += ex.retries();
				this.rateLimitWaits += ex.rateLimitWaits();
				this.failure = ex.getMessage() + " (" + this.pages + " pages read before)";
				this.finished = true;
				log.warn(ex.getMessage() + " (" + this.pages + " pages read before): the read is incomplete");
				break;
			}
			account(page);
			if (!page.items().isEmpty()) {
				return page.items().iterator();
			}
		}
		return Collections.emptyIterator();
	}

	private void account(Page<T> page) {
		this.pages++;
		this.items += page.items().size();
		this.retries += page.retries();
		this.rateLimitWaits += page.rateLimitWaits();
		if (this.problems.size() < SourceRead.MAX_PROBLEMS) {
			this.problems.addAll(page.problems().subList(0,
					Math.min(page.problems().size(), SourceRead.MAX_PROBLEMS - this.problems.size())));
		}
		this.cursor = page.next();
		this.finished = (this.cursor == null);
		if (System.nanoTime() - this.lastProgress > PROGRESS_EVERY_NANOS) {
			this.lastProgress = System.nanoTime();
			log.info(String.format("%s: %d read in %d pages, %d retries, %d rate-limit waits", this.source.name(),
					this.items, this.pages, this.retries, this.rateLimitWaits));
		}
	}

	@Override
	protected void doOpen() throws Exception {
		super.doOpen();
		this.cursor = null;
		this.finished = false;
		this.pages = 0;
		this.items = 0;
		this.retries = 0;
		this.rateLimitWaits = 0;
		this.problems.clear();
		this.failure = null;
		this.lastProgress = System.nanoTime();
	}

	/**
	 * How the read went so far.
	 * @param written how many items the step wrote
	 * @param durationMs how long the step took
	 */
	SourceRead outcome(int written, long durationMs) {
		return new SourceRead(this.source.name(), this.pages, written, this.retries, this.rateLimitWaits, durationMs,
				this.failure == null, this.failure, this.problems);
	}

	/** The source's name. */
	String sourceName() {
		return this.source.name();
	}

}
