package dev.idsync.store;

import java.util.Iterator;
import java.util.function.Function;

/**
 * An iterator over rows that holds a database connection until it is closed.
 *
 * @param <T> the item type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

	@Override
	void close();

	/** This iterator with each item mapped; closing it closes this one. */
	default <R> CloseableIterator<R> map(Function<? super T, R> mapper) {
		CloseableIterator<T> source = this;
		return new CloseableIterator<>() {

			@Override
			public boolean hasNext() {
				return source.hasNext();
			}

			@Override
			public R next() {
				return mapper.apply(source.next());
			}

			@Override
			public void close() {
				source.close();
			}

		};
	}

}
