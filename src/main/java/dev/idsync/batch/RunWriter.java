package dev.idsync.batch;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a step's output into the run's rows, after clearing what an earlier attempt of the same step wrote: a
 * restarted step starts over instead of writing twice.
 *
 * @param <T> the item type
 */
final class RunWriter<T> implements ItemWriter<T>, StepExecutionListener {

	private final Consumer<String> clear;

	private final BiConsumer<String, List<? extends T>> insert;

	private @Nullable String runId;

	RunWriter(Consumer<String> clear, BiConsumer<String, List<? extends T>> insert) {
		this.clear = clear;
		this.insert = insert;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = RunParameters.runId(stepExecution);
		this.clear.accept(this.runId);
	}

	@Override
	public void write(Chunk<? extends T> chunk) {
		if (this.runId == null) {
			throw new IllegalStateException("beforeStep was not called");
		}
		this.insert.accept(this.runId, chunk.getItems());
	}

}
