package dev.idsync.config;

import java.time.Duration;
import java.time.ZoneId;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When {@code idsync serve} runs the nightly job ({@code idsync.schedule}).
 *
 * @param cron when, as a Quartz cron expression (seconds first; default {@code 0 30 2 * * ?}, 02:30 every night)
 * @param timeZone the time zone the expression is read in (default UTC)
 * @param misfireThreshold a run missed while no {@code serve} was up runs once when one starts, if it is less late
 * than this (default 6h); a later one is skipped, and the skip is recorded in the history and the metrics
 */
public record ScheduleProperties(@DefaultValue("0 30 2 * * ?") String cron, @DefaultValue("UTC") String timeZone,
		@DefaultValue("6h") Duration misfireThreshold) {

	@ConstructorBinding
	public ScheduleProperties {
		if (!CronExpression.isValidExpression(cron)) {
			throw new ConfigException("idsync.schedule.cron: '" + cron + "' is not a Quartz cron expression. It has "
					+ "six or seven fields, seconds first, e.g. '0 30 2 * * ?' (02:30 every night).");
		}
		try {
			ZoneId.of(timeZone);
		}
		catch (RuntimeException ex) {
			throw new ConfigException("idsync.schedule.time-zone: '" + timeZone + "' is not a time zone. Use e.g. UTC "
					+ "or Europe/Berlin.");
		}
		if (misfireThreshold.isNegative() || misfireThreshold.isZero()) {
			throw new ConfigException("idsync.schedule.misfire-threshold must be positive, e.g. 6h (default).");
		}
	}

	/** The zone the cron expression is read in. */
	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

}
