package dev.idsync.batch;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import dev.idsync.domain.SourceRead;
import dev.idsync.store.RunStore;

/**
 * Records how a source was read (pages, items, duration, completeness) once its read step ends, failed or not.
 */
final class SourceReadListener implements StepExecutionListener {

	private final PagedItemReader<?> reader;

	private final RunStore runs;

	private long startedNanos;

	SourceReadListener(PagedItemReader<?> reader, RunStore runs) {
		this.reader = reader;
		this.runs = runs;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.startedNanos = System.nanoTime();
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		boolean complete = stepExecution.getFailureExceptions().isEmpty();
		String reason = complete ? null : stepExecution.getFailureExceptions().get(0).getMessage();
		long millis = (System.nanoTime() - this.startedNanos) / 1_000_000;
		this.runs.recordRead(RunParameters.runId(stepExecution), new SourceRead(this.reader.sourceName(),
				this.reader.pages(), (int) stepExecution.getWriteCount(), millis, complete, reason));
		return null;
	}

}
