package dev.idsync.config;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an identity source retries a failed request ({@code idsync.<source>.retry}): server errors, broken or unreadable
 * answers, rate limits, and no answer at all (a system that gave none until the attempts ran out is not asked again
 * in the run). Permission and validation errors are never retried.
 *
 * @param attempts how many times a request is tried in all (1 to 10)
 * @param backoff the pause before the first retry; each further one doubles, with random jitter
 * @param maxBackoff the longest pause
 */
public record RetryProperties(@DefaultValue("4") int attempts, @DefaultValue("1s") Duration backoff,
		@DefaultValue("32s") Duration maxBackoff) {

	public RetryProperties {
		if (attempts < 1 || attempts > 10) {
			throw new ConfigException("attempts: " + attempts + " is out of range. Use 1 to 10 (default 4).");
		}
		if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
			throw new ConfigException("backoff must be positive and not above max-backoff.");
		}
	}

	/** The defaults: four attempts, 1 s doubling to at most 32 s. */
	public static RetryProperties defaults() {
		return new RetryProperties(4, Duration.ofSeconds(1), Duration.ofSeconds(32));
	}

}
