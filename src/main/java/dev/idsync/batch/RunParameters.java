package dev.idsync.batch;

import org.springframework.batch.core.step.StepExecution;

/**
 * The job parameters of a run: the run id identifies it (restarting a failed run reuses it).
 */
final class RunParameters {

	static final String RUN_ID = "runId";

	static final String REPORT_DIR = "reportDir";

	static final String MODE = "mode";

	private RunParameters() {
	}

	static String runId(StepExecution stepExecution) {
		String runId = stepExecution.getJobParameters().getString(RUN_ID);
		if (runId == null) {
			throw new IllegalStateException("The job parameter " + RUN_ID + " is missing");
		}
		return runId;
	}

}
