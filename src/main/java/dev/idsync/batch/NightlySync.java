package dev.idsync.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.PlannedAction;
import dev.idsync.remediate.PlanCheck;
import dev.idsync.report.PlanJson;
import dev.idsync.report.ReportWriter;
import dev.idsync.report.RunSummary;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.store.FindingStore;
import dev.idsync.store.JournalStore;
import dev.idsync.store.LockHolder;
import dev.idsync.store.RunStore;
import dev.idsync.store.StoreFailure;

/**
 * Runs idsync's jobs once, each inside the {@link RunLifecycle} (the store's run lock, the application, failures in
 * one line): launches the job with the run's parameters and reports how it ended. {@code nightlySyncJob} for a run (or
 * its restart), {@code applyPlanJob} for a written plan, {@code undoRunJob} to reverse a run,
 * {@code rotateTokensJob} to rotate bots' tokens.
 */
public final class NightlySync {

	private static final int CONSOLE_ACTIONS = 10;

	private static final List<ActionStatus> CONSOLE_ORDER = List.of(ActionStatus.FAILED, ActionStatus.APPLIED,
			ActionStatus.SKIPPED, ActionStatus.WOULD_APPLY, ActionStatus.PLANNED, ActionStatus.PENDING,
			ActionStatus.HELD_GATE, ActionStatus.HELD_GRACE, ActionStatus.MANUAL, ActionStatus.NEVER_TOUCHED);

	private NightlySync() {
	}

	/**
	 * Runs the nightly job.
	 * @param settings the configuration, credentials and clock
	 * @param runId the run's id (its job instance's identity)
	 * @param reportDir where the report folder goes
	 * @param options what the run may do
	 * @return how the run ended
	 * @throws dev.idsync.store.StoreBusyException when another run holds the store
	 */
	public static RunResult run(JobSettings settings, String runId, Path reportDir, RunOptions options) {
		return run(settings, runId, reportDir, options, new RunControl(), "idsync run --mode " + options.mode().label());
	}

	/**
	 * Runs the nightly job for a long-lived process, under a control that stops it (serve, on SIGTERM).
	 * @param settings the configuration, credentials and clock
	 * @param runId the run's id
	 * @param reportDir where the report folder goes
	 * @param options what the run may do
	 * @param control how the process asks the run to stop
	 * @param command what started the run, as a run refused the store names it
	 * @return how the run ended
	 * @throws dev.idsync.store.StoreBusyException when another run holds the store
	 */
	public static RunResult run(JobSettings settings, String runId, Path reportDir, RunOptions options,
			RunControl control, String command) {
		Optional<String> unwritable = ReportWriter.unwritable(reportDir)
			.or(() -> (options.planFile() != null) ? planUnwritable(options.planFile()) : Optional.empty());
		if (unwritable.isPresent()) {
			return RunResult.refused(runId, unwritable.get());
		}
		JobParametersBuilder parameters = new JobParametersBuilder().addString(RunParameters.RUN_ID, runId)
			.addString(RunParameters.REPORT_DIR, reportDir.toString(), false)
			.addString(RunParameters.MODE, options.mode().label(), false)
			.addString(RunParameters.DRY_RUN, String.valueOf(options.dryRun()), false)
			.addString(RunParameters.ALLOW_FIRST_RUN, String.valueOf(options.allowFirstRun()), false);
		if (options.allowMassChange() != null) {
			parameters.addLong(RunParameters.ALLOW_MASS_CHANGE, options.allowMassChange().longValue(), false);
		}
		if (options.planFile() != null) {
			parameters.addString(RunParameters.PLAN_FILE, options.planFile().toAbsolutePath().toString(), false);
		}
		String holder = (options.planFile() != null) ? "idsync plan" : command;
		return RunLifecycle.within(settings, holder(settings, runId, holder), Set.of(), control,
				(context) -> result(context, runId, RunLifecycle.launch(context, NightlySyncJobConfiguration.JOB_NAME,
						parameters.toJobParameters())),
				(failure) -> RunResult.failed(runId, failure));
	}

	/** The plan file cannot be written where {@code -o} says, if its folder cannot be written. */
	private static Optional<String> planUnwritable(Path planFile) {
		Path folder = planFile.toAbsolutePath().getParent();
		return ReportWriter.unwritable(folder).map((reason) -> "-o " + planFile + ": the folder " + folder
				+ " cannot be written; give a plan file in a folder idsync may write");
	}

	/** Runs the nightly job in report mode. */
	public static RunResult run(JobSettings settings, String runId, Path reportDir) {
		return run(settings, runId, reportDir, RunOptions.report());
	}

	/**
	 * Restarts a failed or interrupted run from the step that failed, under the same run id and parameters: steps
	 * that completed are not run again, and applying goes on where it stopped. Refused for a run that completed, was
	 * abandoned, or is older than a run that completed since: a restart acts on what its run read, which a later
	 * run has superseded.
	 * @param settings the configuration, credentials and clock
	 * @param runId the run
	 * @param reportDir where its report folder goes now, or {@code null} for where the run put it
	 * @return how the restarted run ended
	 */
	public static RunResult restart(JobSettings settings, String runId, @Nullable Path reportDir) {
		Optional<String> unwritable = (reportDir != null) ? ReportWriter.unwritable(reportDir) : Optional.empty();
		if (unwritable.isPresent()) {
			return RunResult.refused(runId, unwritable.get());
		}
		return RunLifecycle.within(settings, holder(settings, runId, "idsync run --restart"), Set.of(runId),
				(context) -> {
					RunStore runs = context.getBean(RunStore.class);
					Optional<String> refusal = runs.restartRefusal(runId);
					if (refusal.isPresent()) {
						return RunResult.refused(runId, "cannot restart: " + refusal.get());
					}
					JobParameters identity = new JobParametersBuilder().addString(RunParameters.RUN_ID, runId)
						.toJobParameters();
					JobRepository repository = context.getBean(JobRepository.class);
					JobInstance instance = repository.getJobInstance(NightlySyncJobConfiguration.JOB_NAME, identity);
					JobExecution last = (instance != null) ? repository.getLastJobExecution(instance) : null;
					if (last == null) {
						return RunResult.refused(runId, "cannot restart: run " + runId + " has no job record left in "
								+ "idsync's store");
					}
					JobParametersBuilder parameters = new JobParametersBuilder(last.getJobParameters());
					if (reportDir != null) {
						parameters.addString(RunParameters.REPORT_DIR, reportDir.toString(), false);
						runs.reportDir(runId, reportDir.toString());
					}
					return result(context, runId, RunLifecycle.launch(context, NightlySyncJobConfiguration.JOB_NAME,
							parameters.toJobParameters()));
				}, (failure) -> RunResult.failed(runId, failure));
	}

	/** Restarts a run where it put its report. */
	public static RunResult restart(JobSettings settings, String runId) {
		return restart(settings, runId, null);
	}

	/**
	 * Applies a written plan after checking it: refused (exit 1) when it was edited, has expired, was made from
	 * incomplete sources or for another Phorge, or was applied already. Each planned action's precondition is checked
	 * against live state just before it is applied; one that no longer holds is skipped with its reason.
	 * @param settings the configuration, credentials and clock
	 * @param planFile the plan
	 * @return how the apply ended (a refusal is a failure with its reason)
	 */
	public static RunResult applyPlan(JobSettings settings, Path planFile) {
		PlanJson.Read read;
		try {
			read = new PlanJson().read(Files.readAllBytes(planFile));
		}
		catch (NoSuchFileException ex) {
			return RunResult.refused("-", "cannot apply " + planFile + ": there is no such file. Give the plan 'idsync "
					+ "plan -o PLAN' wrote");
		}
		catch (IOException ex) {
			return RunResult.refused("-", "cannot apply " + planFile + ": cannot read it (" + ex.getClass()
				.getSimpleName() + ": " + ex.getMessage() + ")");
		}
		catch (IllegalArgumentException ex) {
			return RunResult.refused("-", "cannot apply " + planFile + ": " + ex.getMessage());
		}
		String runId = read.plan().runId();
		return RunLifecycle.within(settings, holder(settings, runId, "idsync apply"), Set.of(), (context) -> {
			RunStore runs = context.getBean(RunStore.class);
			Optional<String> refusal = PlanCheck.refusal(read.plan(), read.declaredHash(), read.actualHash(),
					runs.planHash(runId).orElse(null), runs.planApplied(runId).orElse(null),
					settings.properties().phorge().url(), settings.clock().instant());
			if (refusal.isPresent()) {
				return RunResult.refused(runId, "refused to apply " + planFile + ": " + refusal.get());
			}
			String reportDir = runs.reportDir(runId).orElse("var/reports");
			Optional<String> unwritable = ReportWriter.unwritable(Path.of(reportDir));
			if (unwritable.isPresent()) {
				return RunResult.refused(runId, unwritable.get());
			}
			context.getBean(FindingStore.class).promote(runId, ActionStatus.PLANNED, ActionStatus.PENDING, null);
			// the plan's report stays as it was reviewed; the apply's goes beside it
			JobParameters parameters = new JobParametersBuilder().addString(RunParameters.RUN_ID, runId)
				.addString(RunParameters.REPORT_DIR, reportDir, false)
				.addString(RunParameters.REPORT_FOLDER, runId + "-applied", false)
				.addString(RunParameters.MODE, "apply", false)
				.addString(RunParameters.DRY_RUN, "false", false)
				.toJobParameters();
			RunResult result = result(context, runId,
					RunLifecycle.launch(context, RemediationJobConfiguration.APPLY_PLAN_JOB, parameters));
			if (result.failure() == null) {
				runs.planApplied(runId, settings.clock().instant());
			}
			runs.mode(runId, "plan+apply");
			return result;
		}, (failure) -> RunResult.failed(runId, failure));
	}

	/**
	 * Reverses what a run applied, where its targets are still as idsync left them.
	 * @param settings the configuration, credentials and clock
	 * @param runId the run to undo
	 * @param undoRunId the id the undo's journal entries are made under
	 * @return each journal line of the undo, and how it ended
	 */
	public static UndoResult undo(JobSettings settings, String runId, String undoRunId) {
		return RunLifecycle.within(settings, holder(settings, undoRunId, "idsync undo"), Set.of(), (context) -> {
			JournalStore journal = context.getBean(JournalStore.class);
			if (journal.count(runId, ActionStatus.APPLIED) == 0) {
				return new UndoResult(undoRunId, List.of("run " + runId + " applied no change: nothing to undo"), null);
			}
			JobParameters parameters = new JobParametersBuilder().addString(RunParameters.RUN_ID, undoRunId)
				.addString(RunParameters.UNDO_OF, runId, false)
				.toJobParameters();
			JobExecution execution = RunLifecycle.launch(context, RemediationJobConfiguration.UNDO_RUN_JOB,
					parameters);
			String failure = (execution.getStatus() == BatchStatus.COMPLETED) ? null : failure(execution);
			return new UndoResult(undoRunId, journal.describe(undoRunId), failure);
		}, (failure) -> new UndoResult(undoRunId, List.of(), failure));
	}

	private static LockHolder holder(JobSettings settings, String runId, String command) {
		return LockHolder.thisProcess(runId, command, settings.clock().instant());
	}

	private static RunResult result(ConfigurableApplicationContext context, String runId, JobExecution execution) {
		Map<String, Long> conduitCalls = context.getBean(Conduit.class).calls();
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			return RunResult.failed(runId, failure(execution), conduitCalls);
		}
		FindingStore findings = context.getBean(FindingStore.class);
		RunStore runs = context.getBean(RunStore.class);
		RunSummary summary = new RunReports(runs, findings).summary(runId,
				RunParameters.describeMode(execution.getJobParameters()), Instant.now());
		Path report = Path.of(execution.getExecutionContext().getString(WriteReportTasklet.REPORT_PATH));
		String plan = execution.getExecutionContext().containsKey(WritePlanTasklet.PLAN_PATH)
				? execution.getExecutionContext().getString(WritePlanTasklet.PLAN_PATH) : null;
		return new RunResult(runId, summary.exitCode(), report, summary, firstActions(findings, runId), null,
				(plan != null) ? Path.of(plan) : null, rotations(execution), false, conduitCalls);
	}

	private static List<String> rotations(JobExecution execution) {
		String outcomes = execution.getExecutionContext().containsKey(RotateTokensTasklet.OUTCOMES)
				? execution.getExecutionContext().getString(RotateTokensTasklet.OUTCOMES) : "";
		return outcomes.isEmpty() ? List.of() : List.of(outcomes.split("\n"));
	}

	/**
	 * Rotates the registered bots' tokens that are due ({@code idsync rotate}), finishing or rolling back first what
	 * an interrupted rotation left.
	 * @param settings the configuration, credentials and clock
	 * @param runId the id the rotation run is recorded under
	 * @param bot only this bot, or {@code null} for every bot with sinks
	 * @param dryRun whether to change nothing and say what is due
	 * @return where each bot's rotation stands, or the failure
	 */
	public static RunResult rotate(JobSettings settings, String runId, @Nullable String bot, boolean dryRun) {
		JobParametersBuilder parameters = new JobParametersBuilder().addString(RunParameters.RUN_ID, runId)
			.addString(RunParameters.MODE, "rotate", false)
			.addString(RunParameters.DRY_RUN, String.valueOf(dryRun), false);
		if (bot != null) {
			parameters.addString(RotateTokensTasklet.BOT, bot, false);
		}
		return RunLifecycle.within(settings, holder(settings, runId, "idsync rotate"), Set.of(), (context) -> {
			JobExecution execution = RunLifecycle.launch(context, RotationJobConfiguration.ROTATE_TOKENS_JOB,
					parameters.toJobParameters());
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				return RunResult.failed(runId, failure(execution));
			}
			return new RunResult(runId, ExitCode.NO_DRIFT, null, null, List.of(), null, null, rotations(execution),
					false);
		}, (failure) -> RunResult.failed(runId, failure));
	}

	/**
	 * Why a job failed: a failure of idsync's own store first, whichever step met it (Spring Batch's own records then
	 * fail too, with less telling messages), else the first failure.
	 */
	private static String failure(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		return failures.stream()
			.map(StoreFailure::describe)
			.flatMap(Optional::stream)
			.findFirst()
			.orElseGet(() -> failures.isEmpty() ? "the job ended " + execution.getStatus()
					: RunLifecycle.describe(failures.get(0)));
	}

	/** The actions a console shows first: what was done or went wrong, then what would be done, then what waits. */
	private static List<PlannedAction> firstActions(FindingStore findings, String runId) {
		List<PlannedAction> first = new ArrayList<>();
		for (ActionStatus status : CONSOLE_ORDER) {
			for (PlannedAction action : findings.actions(runId, java.util.Set.of(status))) {
				if (first.size() < CONSOLE_ACTIONS && action.action().changes()) {
					first.add(action);
				}
			}
		}
		return first;
	}

	/**
	 * How an undo ended.
	 *
	 * @param undoRunId the id its journal entries carry
	 * @param journal one line per reversed or skipped action
	 * @param failure what went wrong, or {@code null}
	 */
	public record UndoResult(String undoRunId, List<String> journal, @Nullable String failure) {
	}

}
