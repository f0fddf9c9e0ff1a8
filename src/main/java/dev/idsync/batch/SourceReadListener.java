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
		long millis = (System.nanoTime() - this.startedNanos) / 1_000_000;
		SourceRead read = this.reader.outcome((int) stepExecution.getWriteCount(), millis);
		if (!stepExecution.getFailureExceptions().isEmpty()) {
			read = read.incomplete(RunLifecycle.describe(stepExecution.getFailureExceptions().get(0)));
		}
		this.runs.recordRead(RunParameters.runId(stepExecution), read);
		return null;
	}

}
