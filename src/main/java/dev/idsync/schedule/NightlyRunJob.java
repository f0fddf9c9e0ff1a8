package dev.idsync.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that fires the nightly run. Never two at once, across every replica of a clustered serve; a run a
 * replica was executing when it died is fired again by a survivor (Quartz's recovery), which starts a new run: the
 * dead one is then named abandoned.
 */
@DisallowConcurrentExecution
final class NightlyRunJob implements Job {

	private final ScheduledRuns runs;

	NightlyRunJob(ScheduledRuns runs) {
		this.runs = runs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.runs.fire(context.getScheduledFireTime().toInstant(), context.isRecovering());
	}

}
