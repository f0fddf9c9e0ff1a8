package dev.idsync.schedule;

import java.util.TimeZone;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import dev.idsync.config.ScheduleProperties;

/**
 * Puts the nightly trigger in Quartz's store as the configuration says, keeping the one already there when it says
 * the same: that one remembers when it was due, which is how a run missed while no serve was up is noticed. Replicas
 * that start together each try; the store keeps one.
 */
final class ScheduleInstaller implements ApplicationRunner {

	static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly", "idsync");

	private static final Log log = LogFactory.getLog("dev.idsync.serve");

	private final Scheduler scheduler;

	private final ScheduleProperties schedule;

	ScheduleInstaller(Scheduler scheduler, ScheduleProperties schedule) {
		this.scheduler = scheduler;
		this.schedule = schedule;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		Trigger existing = this.scheduler.getTrigger(TRIGGER);
		CronTrigger wanted = TriggerBuilder.newTrigger()
			.withIdentity(TRIGGER)
			.forJob(Serve.JOB)
			.withDescription("idsync's nightly run")
			.withSchedule(CronScheduleBuilder.cronSchedule(this.schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(this.schedule.zone()))
				.withMisfireHandlingInstructionDoNothing())
			.build();
		if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
				&& cron.getTimeZone().equals(wanted.getTimeZone())) {
			log.info("nightly run scheduled '" + cron.getCronExpression() + "' (" + this.schedule.timeZone()
					+ "), next at " + cron.getNextFireTime().toInstant());
			return;
		}
		if (existing != null) {
			this.scheduler.rescheduleJob(TRIGGER, wanted);
		}
		else {
			try {
				this.scheduler.scheduleJob(wanted);
			}
			catch (ObjectAlreadyExistsException anotherReplica) {
				// a replica starting at the same moment put it there
			}
		}
		Trigger installed = this.scheduler.getTrigger(TRIGGER);
		log.info("nightly run scheduled '" + this.schedule.cron() + "' (" + this.schedule.timeZone() + "), next at "
				+ ((installed != null) ? installed.getNextFireTime().toInstant() : "?"));
	}

}
