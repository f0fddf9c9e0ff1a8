package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.PlannedAction;
import dev.idsync.report.RunSummary;
import dev.idsync.config.ConfigException;
import dev.idsync.source.SourceException;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.FindingStore;
import dev.idsync.store.RunStore;

/**
 * Runs {@code nightlySyncJob} once: starts the application (database, migrations, job repository), launches the job
 * with the run's parameters and reports how it ended.
 */
public final class NightlySync {

	/** The mode of every run of this version: findings and a plan, no change to Phorge. */
	public static final String MODE = "dry-run";

	private static final int CONSOLE_ACTIONS = 10;

	private NightlySync() {
	}

	/**
	 * Runs the job.
	 * @param settings the configuration, credentials and clock
	 * @param runId the run's id (its job instance's identity)
	 * @param reportDir where the report folder goes
	 * @return how the run ended
	 */
	public static RunResult run(JobSettings settings, String runId, Path reportDir) {
		try (ConfigurableApplicationContext context = start(settings)) {
			JobParameters parameters = new JobParametersBuilder().addString(RunParameters.RUN_ID, runId)
				.addString(RunParameters.REPORT_DIR, reportDir.toString(), false)
				.addString(RunParameters.MODE, MODE, false)
				.toJobParameters();
			JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(Job.class), parameters);
			return result(context, runId, execution);
		}
		catch (Exception ex) {
			return new RunResult(runId, ExitCode.ERROR, null, null, List.of(), describe(ex));
		}
	}

	private static ConfigurableApplicationContext start(JobSettings settings) {
		return new SpringApplicationBuilder(BatchApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.initializers((context) -> context.getBeanFactory().registerSingleton("jobSettings", settings))
			.run();
	}

	private static RunResult result(ConfigurableApplicationContext context, String runId, JobExecution execution) {
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			List<Throwable> failures = execution.getAllFailureExceptions();
			String failure = failures.isEmpty() ? "the job ended " + execution.getStatus() : describe(failures.get(0));
			return new RunResult(runId, ExitCode.ERROR, null, null, List.of(), failure);
		}
		FindingStore findings = context.getBean(FindingStore.class);
		RunStore runs = context.getBean(RunStore.class);
		Map<Category, Long> byCategory = findings.countByCategory(runId);
		Map<ActionType, Long> byAction = findings.countByActionType(runId);
		ExitCode exitCode = ExitCode.of(byCategory, Completeness.of(runs.reads(runId)));
		Instant started = runs.startedAt(runId).orElse(Instant.EPOCH);
		Instant finished = (execution.getEndTime() != null)
				? execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant() : Instant.now();
		RunSummary summary = new RunSummary(runId, started, finished, MODE, NightlySyncJobConfiguration.version(),
				runs.reads(runId), byCategory, byAction, exitCode, runs.previousCompleteRun(runId).orElse(null),
				findings.countByChange(runId));
		Path report = Path.of(execution.getExecutionContext().getString(WriteReportTasklet.REPORT_PATH));
		return new RunResult(runId, exitCode, report, summary, firstActions(findings, runId), null);
	}

	private static List<Action> firstActions(FindingStore findings, String runId) {
		List<Action> first = new ArrayList<>();
		try (CloseableIterator<PlannedAction> actions = findings.actions(runId)) {
			while (actions.hasNext() && first.size() < CONSOLE_ACTIONS) {
				first.add(actions.next().action());
			}
		}
		return first;
	}

	/** The most telling message of a failure: the adapter's own when there is one (already free of secrets). */
	static String describe(Throwable failure) {
		Throwable deepest = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SourceException || cause instanceof ConfigException) {
				return cause.getMessage();
			}
			deepest = cause;
		}
		String message = deepest.getMessage();
		return deepest.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
