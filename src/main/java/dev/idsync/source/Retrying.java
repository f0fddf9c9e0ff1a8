package dev.idsync.source;

import java.time.Duration;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.RetryProperties;

/**
 * Runs a request with a bounded number of retries, pausing with exponential backoff and jitter (or as long as a rate
 * limit says), and counts what it took. Adapters decide which failures are worth retrying.
 */
public final class Retrying {

	private final RetryProperties policy;

	private final Sleeper sleeper;

	private final Random jitter;

	/**
	 * Creates the retry loop.
	 * @param policy attempts and backoff
	 * @param sleeper how to pause (tests pass one that records instead of sleeping)
	 * @param jitter the random source of the jitter
	 */
	public Retrying(RetryProperties policy, Sleeper sleeper, Random jitter) {
		this.policy = policy;
		this.sleeper = sleeper;
		this.jitter = jitter;
	}

	/**
	 * Runs a request until it succeeds, the judge gives up, or the attempts run out.
	 * @param <T> the result type
	 * @param request the request
	 * @param judge what to do with each failure
	 * @return the result with the retries and rate-limit waits it took
	 * @throws SourceException when the judge gives up or the attempts run out (the last failure's message)
	 */
	public <T> Outcome<T> run(Request<T> request, Judge judge) {
		return run(request, judge, (exhaustion) -> new SourceException(exhaustion.lastVerdict().source(),
				exhaustion.message(), null, exhaustion.retries(), exhaustion.rateLimitWaits()));
	}

	/**
	 * Runs a request until it succeeds, the judge gives up, or the attempts run out, and lets the adapter phrase the
	 * failure when they do.
	 * @param <T> the result type
	 * @param request the request
	 * @param judge what to do with each failure
	 * @param exhausted the failure to throw when the attempts run out
	 * @return the result with the retries and rate-limit waits it took
	 * @throws SourceException when the judge gives up or the attempts run out
	 */
	public <T> Outcome<T> run(Request<T> request, Judge judge, Exhausted exhausted) {
		int retries = 0;
		int rateLimitWaits = 0;
		for (int attempt = 1;; attempt++) {
			try {
				return new Outcome<>(request.call(), retries, rateLimitWaits);
			}
			catch (Exception ex) {
				Verdict verdict = judge.judge(ex);
				if (verdict instanceof Verdict.GiveUp giveUp) {
					throw giveUp.failure();
				}
				Verdict.Retry retry = (Verdict.Retry) verdict;
				if (attempt >= this.policy.attempts()) {
					throw exhausted.failure(new Exhaustion(ex, retry, attempt, retries, rateLimitWaits));
				}
				this.sleeper.sleep((retry.pause() != null) ? retry.pause() : backoff(attempt));
				retries++;
				rateLimitWaits += retry.rateLimit() ? 1 : 0;
			}
		}
	}

	/** The pause before retry number {@code attempt}: doubling from the initial backoff, with up to 1 s of jitter. */
	Duration backoff(int attempt) {
		long doubled = this.policy.backoff().toMillis() << Math.min(attempt - 1, 20);
		long jittered = doubled + (long) (this.jitter.nextDouble() * Math.min(1_000, this.policy.backoff().toMillis()));
		return Duration.ofMillis(Math.min(jittered, this.policy.maxBackoff().toMillis()));
	}

	/**
	 * A request that may fail.
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Request<T> {

		/** Makes the request. */
		T call() throws Exception;

	}

	/** Decides what a failure means. */
	@FunctionalInterface
	public interface Judge {

		/** Retry, or give up with a clear failure. */
		Verdict judge(Exception failure);

	}

	/** Phrases the failure of a request whose attempts ran out. */
	@FunctionalInterface
	public interface Exhausted {

		/** The exception to throw. */
		SourceException failure(Exhaustion exhaustion);

	}

	/**
	 * A request whose attempts ran out.
	 * @param lastFailure the last attempt's failure, which may hold secrets
	 * @param lastVerdict the judge's verdict on it, free of secrets
	 * @param attempts how many attempts were made
	 * @param retries how many of them were retries
	 * @param rateLimitWaits how many retries waited for a rate limit
	 */
	public record Exhaustion(Exception lastFailure, Verdict.Retry lastVerdict, int attempts, int retries,
			int rateLimitWaits) {

		/** The last verdict's description and the number of attempts, free of secrets. */
		public String message() {
			return this.lastVerdict.description() + " (still failing after " + this.attempts + " attempts)";
		}

	}

	/** Pauses the reading thread. */
	@FunctionalInterface
	public interface Sleeper {

		/** Waits {@code duration}. */
		void sleep(Duration duration);

		/** The real one. */
		static Sleeper thread() {
			return (duration) -> {
				try {
					Thread.sleep(duration.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting to retry", ex);
				}
			};
		}

	}

	/** What to do about one failure. */
	public sealed interface Verdict {

		/**
		 * Try again.
		 * @param source the source, for the final message
		 * @param description what failed, free of secrets
		 * @param pause how long to wait, or {@code null} for the backoff
		 * @param rateLimit whether the wait is for a rate limit
		 */
		record Retry(String source, String description, @Nullable Duration pause, boolean rateLimit) implements Verdict {
		}

		/**
		 * Stop: the failure will not go away by itself.
		 * @param failure the failure to report
		 */
		record GiveUp(SourceException failure) implements Verdict {
		}

	}

	/**
	 * A successful request's result and cost.
	 * @param <T> the result type
	 * @param value the result
	 * @param retries how many retries it took
	 * @param rateLimitWaits how many of those waited for a rate limit
	 */
	public record Outcome<T>(T value, int retries, int rateLimitWaits) {
	}

}
