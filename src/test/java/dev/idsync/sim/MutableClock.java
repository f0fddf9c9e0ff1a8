package dev.idsync.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand; {@link #following()} makes one that also moves with real time, for tests where real
 * time leaks in (the JDK HTTP server's {@code Date} header is always wall time, and a slow machine must not make the
 * simulator's clock fall behind it).
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	private final boolean following;

	private final long startNanos = System.nanoTime();

	public MutableClock(Instant now) {
		this(now, false);
	}

	private MutableClock(Instant now, boolean following) {
		this.now = now;
		this.following = following;
	}

	/** A clock at the current time that moves with real time and, on top of it, by hand. */
	public static MutableClock following() {
		return new MutableClock(Instant.now(), true);
	}

	/** Moves the clock on. */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.following ? this.now.plusNanos(System.nanoTime() - this.startNanos) : this.now;
	}

}
