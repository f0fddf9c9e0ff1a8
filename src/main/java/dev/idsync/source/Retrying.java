package dev.idsync.source;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.RetryProperties;

/**
 * Runs a request with a bounded number of retries, pausing with exponential backoff and jitter (or as long as a rate
 * limit says), and counts what it took. Adapters decide which failures are worth retrying. It also remembers, for as
 * long as it lives (one adapter, so one run), a system that gave no answer at all until its attempts ran out: every
 * later request fails at once with that first failure instead of costing the run the same wait again.
 */
public final class Retrying {

	private final RetryProperties policy;

	private final Sleeper sleeper;

	private final Random jitter;

	private final AtomicReference<@Nullable Exhaustion> unreachable = new AtomicReference<>();

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
	 * @throws SourceException when the judge gives up or the attempts run out (the last failure's message), or at
	 * once when the system is known unreachable
	 */
	public <T> Outcome<T> run(Request<T> request, Judge judge) {
		return run(request, judge, (exhaustion) -> new SourceException(exhaustion.source(), exhaustion.message(), null,
				exhaustion.retries(), exhaustion.rateLimitWaits()));
	}

	/**
	 * Runs a request until it succeeds, the judge gives up, or the attempts run out, and lets the adapter phrase the
	 * failure when they do.
	 * @param <T> the result type
	 * @param request the request
	 * @param judge what to do with each failure
	 * @param exhausted the failure to throw when the attempts run out
	 * @return the result with the retries and rate-limit waits it took
	 * @throws SourceException when the judge gives up or the attempts run out, or at once (before any attempt, and
	 * before any further one) when the system is known unreachable in this run
	 */
	public <T> Outcome<T> run(Request<T> request, Judge judge, Exhausted exhausted) {
		int retries = 0;
		int rateLimitWaits = 0;
		for (int attempt = 1;; attempt++) {
			Exhaustion known = this.unreachable.get();
			if (known != null) {
				throw exhausted.failure(known.again());
			}
			try {
				return new Outcome<>(request.call(), retries, rateLimitWaits);
			}
			catch (Exception ex) {
				Verdict verdict = judge.judge(ex);
				if (verdict instanceof Verdict.GiveUp giveUp) {
					throw giveUp.failure();
				}
				if (attempt >= this.policy.attempts()) {
					throw exhausted.failure(exhaustion(ex, verdict, attempt, retries, rateLimitWaits));
				}
				Verdict.Retry retry = (verdict instanceof Verdict.Retry asked) ? asked : null;
				this.sleeper.sleep((retry != null && retry.pause() != null) ? retry.pause() : backoff(attempt));
				retries++;
				rateLimitWaits += (retry != null && retry.rateLimit()) ? 1 : 0;
			}
		}
	}

	/** The attempts ran out: a system that never answered is remembered, once, as unreachable. */
	private Exhaustion exhaustion(Exception last, Verdict verdict, int attempts, int retries, int rateLimitWaits) {
		if (verdict instanceof Verdict.Unreachable silence) {
			Exhaustion first = new Exhaustion(last, silence.source(), silence.system() + " did not answer ("
					+ silence.reason() + ", " + attempts + " attempt" + ((attempts == 1) ? "" : "s")
					+ "); not asked again in this run", attempts, retries, rateLimitWaits);
			this.unreachable.compareAndSet(null, first);
			return first;
		}
		Verdict.Retry retry = (Verdict.Retry) verdict;
		return new Exhaustion(last, retry.source(), retry.description() + " (still failing after " + attempts
				+ " attempts)", attempts, retries, rateLimitWaits);
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
	 * A request whose attempts ran out, or that was not made because the system is known unreachable.
	 * @param lastFailure the last attempt's failure, which may hold secrets
	 * @param source the source, for the message
	 * @param message what failed and how many attempts were made, free of secrets
	 * @param attempts how many attempts were made (0 when none was: the system is known unreachable)
	 * @param retries how many of them were retries
	 * @param rateLimitWaits how many retries waited for a rate limit
	 */
	public record Exhaustion(Exception lastFailure, String source, String message, int attempts, int retries,
			int rateLimitWaits) {

		/** The same failure for a later request, which was not made and so cost no attempt. */
		Exhaustion again() {
			return new Exhaustion(this.lastFailure, this.source, this.message, 0, 0, 0);
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
		 * Try again after the backoff: the system gave no answer at all. When the attempts run out the system is known
		 * unreachable for the rest of the run. Only for silence: an answer of any kind (an HTTP error, a broken body)
		 * shows that the system is there.
		 * @param source the source, for the final message
		 * @param system the system and its address, e.g. {@code Conduit at https://phorge.example.com}
		 * @param reason why there was no answer, e.g. {@code read timed out after 25 s}
		 */
		record Unreachable(String source, String system, String reason) implements Verdict {

			/**
			 * The verdict on a failure that is, anywhere along its causes, a connect or read timeout, a refused
			 * connection, no route or an unknown host.
			 * @param source the source
			 * @param system the system and its address
			 * @param failure the failure
			 * @param timeout the timeout the request waited, for the message
			 * @return the verdict, or empty when the system did answer somehow
			 */
			public static Optional<Unreachable> of(String source, String system, Throwable failure, Duration timeout) {
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					String reason = reason(cause, timeout);
					if (reason != null) {
						return Optional.of(new Unreachable(source, system, reason));
					}
				}
				return Optional.empty();
			}

			private static @Nullable String reason(Throwable cause, Duration timeout) {
				String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
				if (cause instanceof InterruptedIOException && !(cause instanceof ClosedByInterruptException)
						&& (cause instanceof SocketTimeoutException || message.contains("time"))) {
					return (message.contains("connect") ? "connect" : "read") + " timed out after " + words(timeout);
				}
				if (cause instanceof ConnectException) {
					return message.contains("timed out") ? "connect timed out after " + words(timeout)
							: "connection refused";
				}
				if (cause instanceof NoRouteToHostException) {
					return "no route to host";
				}
				return (cause instanceof UnknownHostException) ? "unknown host " + cause.getMessage() : null;
			}

			private static String words(Duration timeout) {
				return (timeout.toMillis() % 1_000 == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
			}

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
