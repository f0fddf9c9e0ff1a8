package dev.idsync.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import dev.idsync.batch.JobSettings;
import dev.idsync.config.ManagementProperties;
import dev.idsync.config.ScheduleProperties;
import dev.idsync.store.IdsyncStore;

/**
 * {@code idsync serve}: runs the nightly job on Quartz's schedule until the process is told to stop. Quartz keeps the
 * schedule in idsync's own store; on PostgreSQL its replicas form a cluster that fires each run exactly once. Health,
 * metrics and the latest report are served on the management port.
 */
public final class Serve {

	/** The nightly job's key in Quartz's store. */
	static final JobKey JOB = JobKey.jobKey("nightlySync", "idsync");

	private Serve() {
	}

	/**
	 * Serves until the process ends (SIGTERM: the run that is going stops at its next boundary first).
	 * @param settings the configuration, credentials and clock
	 * @param runNow whether to fire one run at once, through the scheduler, as a scheduled one fires
	 * @return the exit code
	 * @throws SchedulerException when the run cannot be fired
	 */
	public static int serve(JobSettings settings, boolean runNow) throws SchedulerException {
		try (Serving serving = start(settings)) {
			if (runNow) {
				serving.runNow();
			}
			serving.awaitClosed();
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/**
	 * Starts serving: the store opened (and, on H2, served to idsync's other processes), then the application.
	 * @param settings the configuration, credentials and clock
	 * @return the running serve, until closed
	 */
	static Serving start(JobSettings settings) {
		IdsyncStore store = IdsyncStore.openToServe(settings.properties().store(),
				settings.credentials().storePassword().reveal());
		CountDownLatch closed = new CountDownLatch(1);
		try {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ServeApplication.class)
				.web(WebApplicationType.SERVLET)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties(properties(settings))
				.listeners((ApplicationListener<ContextClosedEvent>) (event) -> closed.countDown())
				.initializers((ctx) -> {
					ctx.getBeanFactory().registerSingleton("jobSettings", settings);
					ctx.getBeanFactory().registerSingleton("idsyncStore", store);
					// closed last, after Quartz (whose last writes happen as it shuts down) and the runs
					((DefaultListableBeanFactory) ctx.getBeanFactory()).registerDisposableBean("idsyncStore",
							store::close);
				})
				.run();
			return new Serving(context, closed);
		}
		catch (RuntimeException ex) {
			store.close();
			throw ex;
		}
	}

	/**
	 * A running serve: its application, which closes the store last.
	 */
	static final class Serving implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final CountDownLatch closed;

		Serving(ConfigurableApplicationContext context, CountDownLatch closed) {
			this.context = context;
			this.closed = closed;
		}

		/** Fires one run at once through the scheduler, as a scheduled run fires. */
		void runNow() throws SchedulerException {
			this.context.getBean(Scheduler.class).triggerJob(JOB);
		}

		/** Waits until the application has closed (SIGTERM): the run stopped, Quartz shut down, the store closed. */
		void awaitClosed() throws InterruptedException {
			this.closed.await();
			// the event comes as closing starts; closing again waits for the closing that is under way to end
			this.context.close();
		}

		ConfigurableApplicationContext context() {
			return this.context;
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/** What the configuration decides of the application: the port, and Quartz's store on idsync's database. */
	static Map<String, Object> properties(JobSettings settings) {
		ManagementProperties management = settings.properties().management();
		ScheduleProperties schedule = settings.properties().schedule();
		boolean postgres = !settings.properties().store().h2();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.name", "application,idsync-serve");
		properties.put("server.address", management.address());
		properties.put("server.port", management.port());
		String quartz = "spring.quartz.properties.org.quartz.";
		// replicas on one PostgreSQL store form a cluster; an H2 file has one process at a time
		properties.put(quartz + "jobStore.isClustered", String.valueOf(postgres));
		properties.put(quartz + "jobStore.driverDelegateClass", postgres
				? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
		// a run missed by less than this fires at once when a replica is up; by more, it misfires and is skipped
		properties.put(quartz + "jobStore.misfireThreshold", String.valueOf(schedule.misfireThreshold().toMillis()));
		return properties;
	}

}
