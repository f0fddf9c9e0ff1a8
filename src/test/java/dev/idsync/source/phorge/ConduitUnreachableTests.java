package dev.idsync.source.phorge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.phorge.ConduitSimServer;
import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.source.Retrying;
import dev.idsync.source.SilentServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A Phorge that does not answer costs one call's attempts, once: every later call of the same client fails at once
 * with the first cause. A Phorge that answers, even with errors, is asked every time.
 */
class ConduitUnreachableTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(11, 50);

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final int ATTEMPTS = 3;

	@Test
	void callWhenPhorgeNeverAnswersGivesUpAfterItsAttemptsThenEveryLaterCallFailsAtOnce() throws IOException {
		try (SilentServer silent = SilentServer.start()) {
			// given
			Conduit conduit = conduit(silent.url(), null);
			String cause = "Conduit at " + silent.url() + " did not answer (read timed out after 500 ms, 3 attempts); "
					+ "not asked again in this run";
			long started = System.nanoTime();
			assertThatExceptionOfType(ConduitException.class).isThrownBy(conduit::whoami)
				.withMessageStartingWith("conduit: user.whoami: " + cause)
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.TRANSPORT));
			Duration first = Duration.ofNanos(System.nanoTime() - started);
			assertThat(first).isBetween(TIMEOUT.multipliedBy(ATTEMPTS), TIMEOUT.multipliedBy(ATTEMPTS + 3));
			// when
			for (Executable later : new Executable[] { () -> conduit.accounts().page(null),
					() -> conduit.emails().humanAccountsWithEmail("a@example.com"),
					() -> conduit.setDisabled("PHID-USER-x", true), conduit::whoami,
					() -> conduit.ownerOf(Secret.of("api-" + "d".repeat(28))) }) {
				long start = System.nanoTime();
				Throwable failure = catchThrowable(later::execute);
				// then
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.dividedBy(2));
				assertThat(failure).isInstanceOf(ConduitException.class).hasMessageContaining(cause);
				assertThat(((ConduitException) failure).retries()).isZero();
			}
			assertThat(silent.connections()).isEqualTo(ATTEMPTS);
		}
	}

	@Test
	void callWhenPhorgeAnswersWithErrorsAsksItAgainNextTime() throws IOException {
		// given a server that answers every call with HTTP 503
		AtomicInteger calls = new AtomicInteger();
		HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		broken.createContext("/", (exchange) -> {
			calls.incrementAndGet();
			byte[] body = "busy".getBytes(StandardCharsets.UTF_8);
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(503, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		broken.start();
		try {
			Conduit conduit = conduit("http://127.0.0.1:" + broken.getAddress().getPort(), null);
			assertThatExceptionOfType(ConduitException.class).isThrownBy(conduit::whoami)
				.withMessageContaining("HTTP 503");
			// when
			assertThatExceptionOfType(ConduitException.class).isThrownBy(() -> conduit.accounts().page(null))
				// then
				.withMessageContaining("HTTP 503")
				.withMessageNotContaining("not asked again");
			assertThat(calls).hasValue(2 * ATTEMPTS);
		}
		finally {
			broken.stop(0);
		}
	}

	@Test
	void credentialWhenPhorgeRefusesTheTokenNamesThePropertyThatHoldsIt() {
		// given
		String wrong = "api-" + "c".repeat(28);
		Path tokenFile = Path.of("/etc/idsync/conduit.token");
		try (ConduitSimServer server = new ConduitSimServer(new InMemoryPhorgeDirectory(ORG.phorgeUsers(),
				ORG.phorgeEmails(), ORG.phorgeTokens(), ORG.disablers()), Clock.systemUTC(), 0, null)) {
			// when
			Throwable failure = catchThrowable(() -> new Conduit(properties(server.baseUrl(), tokenFile),
					Secret.of(wrong)).credential().check());
			// then
			assertThat(failure).isInstanceOf(ConduitException.class)
				.hasMessageStartingWith("conduit: user.whoami: Phorge refused the token in idsync.phorge.token-file "
						+ "(/etc/idsync/conduit.token): ERR-INVALID-AUTH: ")
				.hasMessageContaining("create a new token under the bot's Settings › Conduit API Tokens")
				.hasMessageNotContaining(wrong);
			assertThat(new Conduit(properties(server.baseUrl(), null), Secret.of(ORG.conduitToken())).credential()
				.check()).isEqualTo("conduit: @idsync-bot at " + server.baseUrl());
		}
	}

	private static Conduit conduit(String url, Path tokenFile) {
		return new Conduit(properties(url, tokenFile), Secret.of(ORG.conduitToken()), Retrying.Sleeper.thread());
	}

	private static PhorgeProperties properties(String url, Path tokenFile) {
		return new PhorgeProperties(url, tokenFile, "IDSYNC_CONDUIT_TOKEN", 4, TIMEOUT,
				new RetryProperties(ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(50)), null);
	}

}
