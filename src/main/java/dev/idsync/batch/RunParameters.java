package dev.idsync.batch;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import dev.idsync.domain.Mode;

/**
 * The job parameters of a run: the run id identifies it (restarting a failed run reuses it); the others say what it
 * may do.
 */
final class RunParameters {

	static final String RUN_ID = "runId";

	static final String REPORT_DIR = "reportDir";

	static final String MODE = "mode";

	static final String DRY_RUN = "dryRun";

	static final String ALLOW_MASS_CHANGE = "allowMassChange";

	static final String ALLOW_FIRST_RUN = "allowFirstRun";

	static final String PLAN_FILE = "planFile";

	static final String UNDO_OF = "undoOf";

	/** The report folder's name when it is not the run id ({@code idsync apply} keeps the plan's report beside). */
	static final String REPORT_FOLDER = "reportFolder";

	private RunParameters() {
	}

	static String runId(StepExecution stepExecution) {
		String runId = stepExecution.getJobParameters().getString(RUN_ID);
		if (runId == null) {
			throw new IllegalStateException("The job parameter " + RUN_ID + " is missing");
		}
		return runId;
	}

	static Mode mode(JobParameters parameters) {
		Mode mode = Mode.named(String.valueOf(parameters.getString(MODE)));
		return (mode != null) ? mode : Mode.REPORT;
	}

	static boolean dryRun(JobParameters parameters) {
		return "true".equals(parameters.getString(DRY_RUN));
	}

	/** Whether the run writes to Phorge: apply mode without {@code --dry-run}. */
	static boolean applies(JobParameters parameters) {
		return mode(parameters) == Mode.APPLY && !dryRun(parameters);
	}

	/** The mode as reports show it: {@code apply}, or {@code apply, dry run}. */
	static String describeMode(JobParameters parameters) {
		return mode(parameters).label() + (dryRun(parameters) ? ", dry run" : "");
	}

	static @Nullable Integer allowMassChange(JobParameters parameters) {
		Long allowed = parameters.getLong(ALLOW_MASS_CHANGE);
		return (allowed != null && allowed >= 0) ? allowed.intValue() : null;
	}

}
