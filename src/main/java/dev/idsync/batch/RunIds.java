package dev.idsync.batch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids: the UTC start time and a random suffix, e.g. {@code 20261129T220224Z-3f2a}; they sort by time and name
 * the run's report folder.
 */
public final class RunIds {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** The key of the run id in the logging context (MDC): JSON log lines carry it as {@code run.id}. */
	public static final String LOG_KEY = "run.id";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RunIds() {
	}

	/**
	 * A new run id.
	 * @param clock the clock it is dated by
	 * @return the id
	 */
	public static String next(Clock clock) {
		return FORMAT.format(clock.instant()) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
	}

}
