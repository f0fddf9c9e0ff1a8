package dev.idsync.batch;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Logs one line per finished step: what it read and wrote, and how long it took.
 */
final class StepProgressListener implements StepExecutionListener {

	private static final Log log = LogFactory.getLog("dev.idsync.job");

	private long startedNanos;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.startedNanos = System.nanoTime();
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		long millis = (System.nanoTime() - this.startedNanos) / 1_000_000;
		log.info(String.format("%-24s %-9s read %7d, wrote %7d, filtered %7d in %6d ms", stepExecution.getStepName(),
				stepExecution.getStatus(), stepExecution.getReadCount(), stepExecution.getWriteCount(),
				stepExecution.getFilterCount(), millis));
		stepExecution.getFailureExceptions()
			.forEach((failure) -> log.error(stepExecution.getStepName() + " failed: " + RunLifecycle.describe(failure)));
		return null;
	}

}
