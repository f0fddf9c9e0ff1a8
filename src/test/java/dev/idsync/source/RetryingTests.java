package dev.idsync.source;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.idsync.config.RetryProperties;
import dev.idsync.source.Retrying.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

}
