package dev.idsync.remediate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Spaces writes to Phorge evenly: at most {@code perMinute} a minute.
 */
public final class Pacer {

	private final Duration interval;

	private final Clock clock;

	private final Sleeper sleeper;

	private @Nullable Instant last;

	/**
	 * A pacer.
	 * @param perMinute the most writes a minute
	 * @param clock the clock
	 * @param sleeper how to wait
	 */
	public Pacer(int perMinute, Clock clock, Sleeper sleeper) {
		this.interval = Duration.ofMillis(60_000L / perMinute);
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/** Waits until the next write is due, and counts it. */
	public void await() {
		Instant now = this.clock.instant();
		if (this.last != null) {
			Duration wait = Duration.between(now, this.last.plus(this.interval));
			if (!wait.isNegative() && !wait.isZero()) {
				this.sleeper.sleep(wait);
				now = this.clock.instant();
			}
		}
		this.last = now;
	}

	/** How a pacer waits. */
	@FunctionalInterface
	public interface Sleeper {

		/** Waits this long. */
		void sleep(Duration duration);

	}

}
