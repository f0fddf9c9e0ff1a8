package dev.idsync.schedule;

import java.time.Duration;
import java.time.Instant;

import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

import dev.idsync.batch.RunIds;
import dev.idsync.batch.JobSettings;

/**
 * Records a scheduled run that was missed for longer than {@code idsync.schedule.misfire-threshold} while no serve
 * was up: Quartz skips it (a run that late would surprise more than help), and the skip shows in the history and the
 * metrics. A run missed for less is not a misfire to Quartz: it fires once as soon as a replica is up. In a cluster,
 * one replica handles each misfire, so each is recorded once.
 */
final class MisfireRecorder extends TriggerListenerSupport {

	private final ScheduledRuns runs;

	private final JobSettings settings;

	MisfireRecorder(ScheduledRuns runs, JobSettings settings) {
		this.runs = runs;
		this.settings = settings;
	}

	@Override
	public String getName() {
		return "idsync-misfires";
	}

	@Override
	public void triggerMisfired(Trigger trigger) {
		Instant due = trigger.getNextFireTime().toInstant();
		Instant now = this.settings.clock().instant();
		Duration late = Duration.between(due, now);
		Duration threshold = this.settings.properties().schedule().misfireThreshold();
		this.runs.skip(RunIds.next(this.settings.clock()), due, "misfire", "no idsync serve was up when it was due; it "
				+ "was " + hours(late) + " late when one started, over idsync.schedule.misfire-threshold ("
				+ hours(threshold) + "), so it was skipped; the next run is as scheduled.");
	}

	private static String hours(Duration duration) {
		long minutes = duration.toMinutes();
		return (minutes >= 120) ? (minutes / 60) + " h" : minutes + " min";
	}

}
