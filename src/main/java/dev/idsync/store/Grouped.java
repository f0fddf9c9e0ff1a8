package dev.idsync.store;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Groups consecutive rows that share a key (the query orders by it), holding one group at a time.
 *
 * @param <T> the row type
 */
final class Grouped<T> implements CloseableIterator<List<T>> {

	private final CloseableIterator<T> rows;

	private final Function<T, ?> key;

	private @Nullable T pending;

	Grouped(CloseableIterator<T> rows, Function<T, ?> key) {
		this.rows = rows;
		this.key = key;
	}

	@Override
	public boolean hasNext() {
		return this.pending != null || this.rows.hasNext();
	}

	@Override
	public List<T> next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T first = (this.pending != null) ? this.pending : this.rows.next();
		this.pending = null;
		List<T> group = new ArrayList<>();
		group.add(first);
		Object groupKey = this.key.apply(first);
		while (this.rows.hasNext()) {
			T row = this.rows.next();
			if (!Objects.equals(this.key.apply(row), groupKey)) {
				this.pending = row;
				break;
			}
			group.add(row);
		}
		return group;
	}

	@Override
	public void close() {
		this.rows.close();
	}

}
