package dev.idsync.batch;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A handle on the run a long-lived process has going ({@code idsync serve}): asks it to stop at its next step or
 * chunk boundary, as Spring Batch stops a job, when the process must end (SIGTERM). A stopped run is recorded
 * STOPPED and can be restarted, as a failed one can.
 */
public final class RunControl {

	private volatile @Nullable ConfigurableApplicationContext running;

	private volatile boolean stopping;

	/** Whether a run is going. */
	public boolean running() {
		return this.running != null;
	}

	/**
	 * Asks the run that is going, if any, to stop at its next step or chunk boundary; a run that starts after this
	 * is stopped as it starts.
	 * @return whether a run was going
	 */
	public boolean stop() {
		this.stopping = true;
		ConfigurableApplicationContext context = this.running;
		if (context == null) {
			return false;
		}
		try {
			JobRepository repository = context.getBean(JobRepository.class);
			JobOperator operator = context.getBean(JobOperator.class);
			for (Job job : context.getBeansOfType(Job.class).values()) {
				for (JobExecution execution : repository.findRunningJobExecutions(job.getName())) {
					operator.stop(execution);
				}
			}
		}
		catch (Exception ex) {
			// the run ended in between, or its application is closing: nothing is left to stop
		}
		return true;
	}

	/** Whether the process asked its runs to stop. */
	boolean stopping() {
		return this.stopping;
	}

	void started(ConfigurableApplicationContext context) {
		this.running = context;
	}

	void ended() {
		this.running = null;
	}

}
