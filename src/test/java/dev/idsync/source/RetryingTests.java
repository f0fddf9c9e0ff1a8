package dev.idsync.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.idsync.config.RetryProperties;
import dev.idsync.source.Retrying.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class RetryingTests {

	private final List<Duration> waits = new ArrayList<>();

	private final Retrying retrying = new Retrying(new RetryProperties(4, Duration.ofSeconds(1), Duration.ofSeconds(5)),
			this.waits::add, new Random(1));

	@Test
	void runWhenFailuresPassCountsRetriesAndBacksOffExponentiallyWithJitter() {
		AtomicInteger calls = new AtomicInteger();
		Retrying.Outcome<String> outcome = this.retrying.run(() -> {
			if (calls.incrementAndGet() < 4) {
				throw new IOException("cut");
			}
			return "ok";
		}, (failure) -> new Verdict.Retry("test", "cut", null, false));
		assertThat(outcome.value()).isEqualTo("ok");
		assertThat(outcome.retries()).isEqualTo(3);
		assertThat(outcome.rateLimitWaits()).isZero();
		assertThat(this.waits).hasSize(3);
		assertThat(this.waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(this.waits.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
		assertThat(this.waits.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
	}

	@Test
	void runWhenRateLimitedWaitsAsLongAsTheSourceSays() {
		AtomicInteger calls = new AtomicInteger();
		Retrying.Outcome<Integer> outcome = this.retrying.run(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("429");
			}
			return 7;
		}, (failure) -> new Verdict.Retry("test", "429", Duration.ofMillis(1_234), true));
		assertThat(outcome.rateLimitWaits()).isEqualTo(1);
		assertThat(this.waits).containsExactly(Duration.ofMillis(1_234));
	}

	@Test
	void runWhenAttemptsRunOutReportsTheLastFailureAndTheRetriesMade() {
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.retrying.run(() -> {
				throw new IOException("down");
			}, (failure) -> new Verdict.Retry("okta", "HTTP 503", null, false)))
			.withMessage("okta: HTTP 503 (still failing after 4 attempts)")
			.satisfies((ex) -> assertThat(ex.retries()).isEqualTo(3));
	}

	@Test
	void runWhenAttemptsRunOutLetsTheAdapterPhraseTheFailure() {
		IOException last = new IOException("down again");
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.retrying.run(() -> {
				throw last;
			}, (failure) -> new Verdict.Retry("conduit", "HTTP 429", null, true),
					(exhaustion) -> new SourceException("conduit", "gave up: " + exhaustion.message() + " after "
							+ exhaustion.lastFailure().getMessage(), null, exhaustion.retries(),
							exhaustion.rateLimitWaits())))
			.withMessage("conduit: gave up: HTTP 429 (still failing after 4 attempts) after down again")
			.satisfies((ex) -> {
				assertThat(ex.retries()).isEqualTo(3);
				assertThat(ex.rateLimitWaits()).isEqualTo(3);
			});
	}

	@Test
	void runWhenJudgeGivesUpStopsAtOnce() {
		AtomicInteger calls = new AtomicInteger();
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> this.retrying.run(() -> {
			calls.incrementAndGet();
			throw new IOException("403");
		}, (failure) -> new Verdict.GiveUp(new SourceException("google", "HTTP 403 forbidden", null))))
			.withMessage("google: HTTP 403 forbidden");
		assertThat(calls).hasValue(1);
		assertThat(this.waits).isEmpty();
	}

	@Test
	void runWhenTheSystemNeverAnswersRemembersItAndFailsEveryLaterRequestAtOnceWithTheFirstCause() {
		// given
		AtomicInteger calls = new AtomicInteger();
		Retrying.Request<String> silent = () -> {
			calls.incrementAndGet();
			throw new SocketTimeoutException("Read timed out");
		};
		Retrying.Judge judge = (failure) -> Verdict.Unreachable.of("conduit", "Conduit at https://phorge.example.com",
				failure, Duration.ofSeconds(25)).orElseThrow();
		String first = "conduit: Conduit at https://phorge.example.com did not answer (read timed out after 25 s, 4 "
				+ "attempts); not asked again in this run";
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> this.retrying.run(silent, judge))
			.withMessage(first)
			.satisfies((ex) -> assertThat(ex.retries()).isEqualTo(3));
		// when
		Throwable later = catchThrowable(() -> this.retrying.run(() -> "never asked", judge));
		// then
		assertThat(later).isInstanceOf(SourceException.class).hasMessage(first);
		assertThat(((SourceException) later).retries()).isZero();
		assertThat(calls).hasValue(4);
		assertThat(this.waits).hasSize(3);
	}

	@Test
	void runWhenTheSystemAnsweredWithErrorsAsksItAgainNextTime() {
		// given
		AtomicInteger calls = new AtomicInteger();
		Retrying.Request<String> failing = () -> {
			calls.incrementAndGet();
			throw new IOException("HTTP 503");
		};
		Retrying.Judge judge = (failure) -> new Verdict.Retry("okta", "HTTP 503", null, false);
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> this.retrying.run(failing, judge));
		// when
		String answer = this.retrying.run(() -> "ok", judge).value();
		// then
		assertThat(answer).isEqualTo("ok");
		assertThat(calls).hasValue(4);
	}

	@Test
	void runWhenAnotherRequestFindsTheSystemUnreachableStopsRetryingAtOnce() {
		// given a request in its first backoff while another request of the same system runs out of attempts
		AtomicInteger calls = new AtomicInteger();
		Retrying.Request<String> refused = () -> {
			calls.incrementAndGet();
			throw new ConnectException("Connection refused");
		};
		Retrying.Judge judge = (failure) -> Verdict.Unreachable.of("okta", "Okta at https://acme.okta.com", failure,
				Duration.ofSeconds(25)).orElseThrow();
		AtomicReference<Retrying> shared = new AtomicReference<>();
		AtomicBoolean otherRan = new AtomicBoolean();
		shared.set(new Retrying(new RetryProperties(4, Duration.ofSeconds(1), Duration.ofSeconds(5)), (pause) -> {
			if (otherRan.compareAndSet(false, true)) {
				assertThatExceptionOfType(SourceException.class).isThrownBy(() -> shared.get().run(refused, judge));
			}
		}, new Random(1)));
		// when
		Throwable failure = catchThrowable(() -> shared.get().run(refused, judge));
		// then it makes no further attempt, and fails with the other request's cause
		assertThat(failure).hasMessage("okta: Okta at https://acme.okta.com did not answer (connection refused, 4 "
				+ "attempts); not asked again in this run");
		assertThat(calls).hasValue(5);
	}

	@Test
	void unreachableOfWhenTheFailureIsNoAnswerAlongItsCausesSaysWhy() {
		Duration timeout = Duration.ofMillis(1_500);
		assertThat(Verdict.Unreachable.of("s", "S", new IOException("wrapped", new SocketTimeoutException(
				"Connect timed out")), timeout)).hasValueSatisfying((verdict) -> assertThat(verdict.reason())
					.isEqualTo("connect timed out after 1500 ms"));
		assertThat(Verdict.Unreachable.of("s", "S", new InterruptedIOException("timeout"), Duration.ofSeconds(2)))
			.hasValueSatisfying((verdict) -> assertThat(verdict.reason()).isEqualTo("read timed out after 2 s"));
		assertThat(Verdict.Unreachable.of("s", "S", new UnknownHostException("phorge.invalid"), timeout))
			.hasValueSatisfying((verdict) -> assertThat(verdict.reason()).isEqualTo("unknown host phorge.invalid"));
	}

	@Test
	void unreachableOfWhenTheSystemAnsweredIsEmpty() {
		Duration timeout = Duration.ofSeconds(1);
		assertThat(Verdict.Unreachable.of("s", "S", new EOFException("\\n not found: limit=0"), timeout)).isEmpty();
		assertThat(Verdict.Unreachable.of("s", "S", new IOException("unexpected end of stream"), timeout)).isEmpty();
		assertThat(Verdict.Unreachable.of("s", "S", new IllegalStateException("HTTP 401"), timeout)).isEmpty();
	}

}
