package dev.idsync.schedule;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.RunControl;
import dev.idsync.config.Credentials;
import dev.idsync.metrics.RunMetrics;
import dev.idsync.store.IdsyncStore;
import dev.idsync.store.RunStore;

/**
 * The parts of {@code idsync serve}: the store (opened by {@link Serve}), the nightly job on Quartz, the misfire
 * records, the graceful stop, and the report URLs.
 */
@Configuration(proxyBeanMethods = false)
class ServeConfiguration {

	/** The store Serve opened; it closes it after the application. */
	@Bean(destroyMethod = "")
	DataSource dataSource(IdsyncStore idsyncStore) {
		return idsyncStore.dataSource();
	}

	@Bean
	RunControl runControl() {
		return new RunControl();
	}

	/** idsync's metrics in the actuator's registry; the last success survives a restart of serve (the store has it). */
	@Bean
	RunMetrics runMetrics(MeterRegistry meterRegistry, DataSource dataSource) {
		RunMetrics metrics = new RunMetrics(meterRegistry);
		new RunStore(dataSource).lastSuccess().ifPresent(metrics::lastSuccess);
		return metrics;
	}

	@Bean
	ScheduledRuns scheduledRuns(JobSettings settings, RunControl runControl, DataSource dataSource,
			RunMetrics runMetrics) {
		return new ScheduledRuns(settings, runControl, dataSource, runMetrics);
	}

	/** Durable, and fired again by a surviving replica when the one running it dies. */
	@Bean
	JobDetail nightlyRunJob() {
		return JobBuilder.newJob(NightlyRunJob.class)
			.withIdentity(Serve.JOB)
			.withDescription("idsync's nightly run")
			.storeDurably()
			.requestRecovery()
			.build();
	}

	@Bean
	SchedulerFactoryBeanCustomizer idsyncScheduler(ScheduledRuns scheduledRuns, JobSettings settings) {
		return (factory) -> {
			factory.setJobFactory((bundle, scheduler) -> new NightlyRunJob(scheduledRuns));
			factory.setGlobalTriggerListeners(new MisfireRecorder(scheduledRuns, settings));
		};
	}

	@Bean
	ScheduleInstaller scheduleInstaller(Scheduler scheduler, JobSettings settings) {
		return new ScheduleInstaller(scheduler, settings.properties().schedule());
	}

	@Bean
	GracefulStop gracefulStop(RunControl runControl) {
		return new GracefulStop(runControl);
	}

	@Bean
	ReportsController reportsController(JobSettings settings) {
		return new ReportsController(settings.properties().report().dir(),
				Credentials.managementToken(settings.properties().management()));
	}

}
