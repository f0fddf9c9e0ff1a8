package dev.idsync.batch;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.idsync.store.CloseableIterator;

/**
 * Reads a run's staged rows through a database cursor opened for the step and closed after it.
 *
 * @param <T> the item type
 */
final class RunCursorReader<T> implements ItemStreamReader<T>, StepExecutionListener {

	private final Function<String, CloseableIterator<T>> query;

	private @Nullable String runId;

	private @Nullable CloseableIterator<T> rows;

	RunCursorReader(Function<String, CloseableIterator<T>> query) {
		this.query = query;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = RunParameters.runId(stepExecution);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		if (this.runId == null) {
			throw new IllegalStateException("beforeStep was not called");
		}
		this.rows = this.query.apply(this.runId);
	}

	@Override
	public @Nullable T read() {
		return (this.rows != null && this.rows.hasNext()) ? this.rows.next() : null;
	}

	@Override
	public void close() {
		if (this.rows != null) {
			this.rows.close();
			this.rows = null;
		}
	}

}
