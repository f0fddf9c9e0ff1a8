package dev.idsync.schedule;

import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import dev.idsync.batch.RunControl;

/**
 * On SIGTERM (the application closing), asks the run that is going to stop at its next step or chunk boundary and
 * waits for it, at most {@link #GRACE}: within Kubernetes' default 30 seconds of grace. The stopped run is recorded
 * STOPPED; {@code idsync run --restart RUN_ID} (or the next scheduled run) finishes the work, each action once.
 * Stopped before Quartz and the web server.
 */
final class GracefulStop implements SmartLifecycle {

	/** How long the run may take to reach a boundary; the process then ends whatever it does. */
	static final Duration GRACE = Duration.ofSeconds(25);

	private static final Log log = LogFactory.getLog("dev.idsync.serve");

	private final RunControl control;

	private volatile boolean running;

	GracefulStop(RunControl control) {
		this.control = control;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (!this.control.stop()) {
			return;
		}
		log.info("stopping: the run that is going stops at its next step or chunk boundary (at most "
				+ GRACE.toSeconds() + " s)");
		Instant deadline = Instant.now().plus(GRACE);
		while (this.control.running() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (this.control.running()) {
			log.warn("the run did not reach a boundary within " + GRACE.toSeconds() + " s; the next command names it "
					+ "abandoned");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
