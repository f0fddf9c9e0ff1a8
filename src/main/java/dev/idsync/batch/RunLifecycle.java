package dev.idsync.batch;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.MDC;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.idsync.config.ConfigException;
import dev.idsync.source.SourceException;
import dev.idsync.store.LockHolder;
import dev.idsync.store.LockedStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StoreBusyException;
import dev.idsync.store.StoreFailure;

/**
 * The one way a command that writes idsync's store or Phorge runs: take the store (refused at once, having read and
 * changed nothing, when another run or command holds it: {@link StoreBusyException}), start the application on it,
 * settle what dead runs left in Spring Batch's repository, do the command's work, and turn a failure into its cause in
 * one line.
 */
final class RunLifecycle {

	private RunLifecycle() {
	}

	/**
	 * Runs a command's work while holding the store.
	 * @param settings the configuration, credentials and clock
	 * @param holder this process, as a refused command will name it
	 * @param continuing the run the command continues ({@code --restart}): not abandoned if its process died
	 * @param work what the command does with the started application
	 * @param failed the command's outcome when the work (or starting it) failed, from the cause in one line
	 * @return the work's outcome
	 * @throws StoreBusyException when another run or command holds the store
	 */
	static <T> T within(JobSettings settings, LockHolder holder, Set<String> continuing, Work<T> work,
			Function<String, T> failed) {
		return within(settings, holder, continuing, new RunControl(), work, failed);
	}

	/**
	 * Runs a command's work while holding the store, under a control a long-lived process stops it by.
	 * @param settings the configuration, credentials and clock
	 * @param holder this process, as a refused command will name it
	 * @param continuing the run the command continues ({@code --restart}): not abandoned if its process died
	 * @param control how the process asks the work to stop (serve, on SIGTERM)
	 * @param work what the command does with the started application
	 * @param failed the command's outcome when the work (or starting it) failed, from the cause in one line
	 * @return the work's outcome
	 * @throws StoreBusyException when another run or command holds the store
	 */
	static <T> T within(JobSettings settings, LockHolder holder, Set<String> continuing, RunControl control,
			Work<T> work, Function<String, T> failed) {
		if (control.stopping()) {
			return failed.apply("idsync is shutting down: the run was not started");
		}
		try (MDC.MDCCloseable logged = MDC.putCloseable(RunIds.LOG_KEY, holder.runId());
				LockedStore store = LockedStore.open(settings.properties().store(),
				settings.credentials().storePassword().reveal(), holder, continuing)) {
			T outcome;
			try (ConfigurableApplicationContext context = start(settings, store)) {
				settleDeadExecutions(context);
				control.started(context);
				outcome = work.apply(context);
			}
			catch (Exception ex) {
				outcome = failed.apply(describe(ex));
			}
			finally {
				control.ended();
			}
			store.failIfRunning(holder.runId(), settings.clock().instant());
			return outcome;
		}
		catch (StoreBusyException ex) {
			throw ex;
		}
		catch (Exception ex) {
			return failed.apply(describe(ex));
		}
	}

	/** Launches a job of the started application. */
	static JobExecution launch(ConfigurableApplicationContext context, String jobName, JobParameters parameters)
			throws Exception {
		return context.getBean(JobOperator.class).start(context.getBean(jobName, Job.class), parameters);
	}

	private static ConfigurableApplicationContext start(JobSettings settings, LockedStore store) {
		return new SpringApplicationBuilder(BatchApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// idsync-batch.properties: a long-lived process (serve) starts runs beside its own application
			.properties("spring.config.name=application,idsync-batch")
			// the run closes its application itself; in serve, SIGTERM stops the run through its RunControl first
			.registerShutdownHook(false)
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("jobSettings", settings);
				context.getBeanFactory().registerSingleton("lockedStore", store);
			})
			.run();
	}

	/**
	 * Job executions still recorded as running belong to processes that died (this one holds the store): each is
	 * marked failed, as Spring Batch recovers a crashed execution, so that its run can be restarted; a run of the
	 * nightly job that idsync marked abandoned is abandoned in Spring Batch too, and can never be restarted.
	 */
	private static void settleDeadExecutions(ConfigurableApplicationContext context) {
		JobRepository repository = context.getBean(JobRepository.class);
		JobOperator operator = context.getBean(JobOperator.class);
		RunStore runs = context.getBean(RunStore.class);
		for (Job job : context.getBeansOfType(Job.class).values()) {
			for (JobExecution dead : repository.findRunningJobExecutions(job.getName())) {
				JobExecution recovered = operator.recover(dead);
				String runId = recovered.getJobParameters().getString(RunParameters.RUN_ID);
				if (job.getName().equals(NightlySyncJobConfiguration.JOB_NAME) && runId != null
						&& runs.abandonment(runId).isPresent()) {
					abandon(operator, recovered);
				}
			}
		}
	}

	private static void abandon(JobOperator operator, JobExecution execution) {
		try {
			operator.abandon(execution);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot mark job execution " + execution.getId() + " abandoned: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The most telling message of a failure: the adapter's own when there is one (already free of secrets), or a
	 * file's (the report, the plan: they name the file and the property), else a failure of idsync's own store in
	 * words, else the deepest cause.
	 */
	static String describe(Throwable failure) {
		Throwable deepest = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SourceException || cause instanceof ConfigException
					|| cause instanceof ApplyActionsTasklet.ApplyStoppedException
					|| cause instanceof UncheckedIOException) {
				return cause.getMessage();
			}
			deepest = cause;
		}
		Optional<String> store = StoreFailure.describe(failure);
		if (store.isPresent()) {
			return store.get();
		}
		String message = deepest.getMessage();
		return deepest.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * What a command does with the started application.
	 *
	 * @param <T> its outcome
	 */
	@FunctionalInterface
	interface Work<T> {

		T apply(ConfigurableApplicationContext context) throws Exception;

	}

}
