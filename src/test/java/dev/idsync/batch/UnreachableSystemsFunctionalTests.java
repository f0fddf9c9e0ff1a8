package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.domain.ExitCode;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.source.SilentServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Phorge that accepts connections and never answers costs a run one Conduit call's attempts, once (attempts ×
 * timeout plus the backoff, as the README documents): every later Conduit call of the run fails at once with that
 * first cause. The timeouts are short here; the bound is stated in their terms.
 */
class UnreachableSystemsFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(41, 100);

	private static final int ATTEMPTS = 4;

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Duration BACKOFF = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	/** What a dead system may cost: every attempt's timeout, and the pauses between them (each with its jitter). */
	private static final Duration WORST_CASE = worstCase();

	/**
	 * Starting the application on a fresh store (several seconds on a busy machine), checking the other credentials
	 * and reading the simulator's other systems. The requests the dead server counts show, exactly, that no second
	 * call was made.
	 */
	private static final Duration MARGIN = Duration.ofSeconds(30);

	private static final List<String> SETTINGS = List.of("phorge.timeout: " + TIMEOUT.toMillis() + "ms",
			"phorge.retry.attempts: " + ATTEMPTS, "phorge.retry.backoff: " + BACKOFF.toMillis() + "ms",
			"phorge.retry.max-backoff: " + MAX_BACKOFF.toMillis() + "ms");

	@TempDir
	Path dir;

	@Test
	void runWhenConduitAcceptsConnectionsAndNeverAnswersFailsAfterOneCallsAttemptsBeforeAnySourceIsRead()
			throws Exception {
		// given
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC());
				SilentServer silent = SilentServer.start()) {
			JobSettings settings = settings(simulator, silent.url());
			// when
			long started = System.nanoTime();
			RunResult result = NightlySync.run(settings, "silent", this.dir.resolve("reports"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			// then
			assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(result.failure()).isEqualTo("conduit: user.whoami: Conduit at " + silent.url()
					+ " did not answer (read timed out after 2 s, 4 attempts); not asked again in this run ("
					+ "Phorge could not be reached or kept failing: check idsync.phorge.url, the network and Phorge's "
					+ "web server; if its rate limiter answered (HTTP 429), raise idsync.phorge.retry or the limit in "
					+ "support/preamble.php)");
			assertThat(silent.connections()).isEqualTo(ATTEMPTS);
			assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(ATTEMPTS))
				.isLessThan(WORST_CASE.plus(MARGIN));
			assertThat(simulator.okta().requestCount()).isZero();
			assertThat(simulator.google().requestCount()).isZero();
		}
	}

	@Test
	void runWhenConduitStopsAnsweringAfterTheCheckAsksItNothingMoreAfterOneCall() throws Exception {
		// given a Phorge that answers user.whoami, then nothing: without its database, every person's addresses are
		// looked up with user.query, each of which would cost the run the worst case again
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC());
				HangingConduit hanging = HangingConduit.before(simulator.conduitUrl())) {
			JobSettings settings = settings(simulator, hanging.url());
			// when
			long started = System.nanoTime();
			RunResult result = NightlySync.run(settings, "hanging", this.dir.resolve("reports"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			// then the read of every account gave up after its attempts, and no later call was made
			assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(result.failure()).startsWith("conduit: user.query: Conduit at " + hanging.url()
					+ " did not answer (read timed out after 2 s, 4 attempts); not asked again in this run");
			assertThat(hanging.requests("user.whoami")).isEqualTo(1);
			assertThat(hanging.requests("user.search")).isEqualTo(ATTEMPTS);
			assertThat(hanging.requests("user.query")).isZero();
			assertThat(simulator.okta().requestCount()).isPositive();
			assertThat(took).isLessThan(WORST_CASE.plus(MARGIN));
		}
	}

	private JobSettings settings(Simulator simulator, String phorge) throws Exception {
		return SimulatedRun.settings(simulator, PhorgeAccess.CONDUIT, "jdbc:h2:file:" + this.dir.resolve("idsync"),
				this.dir, SETTINGS, (config) -> Files.writeString(config,
						Files.readString(config).replace(simulator.conduitUrl(), phorge)));
	}

	private static Duration worstCase() {
		Duration pauses = Duration.ZERO;
		for (int retry = 1; retry < ATTEMPTS; retry++) {
			Duration pause = BACKOFF.multipliedBy(1L << (retry - 1)).plus(BACKOFF);
			pauses = pauses.plus((pause.compareTo(MAX_BACKOFF) < 0) ? pause : MAX_BACKOFF);
		}
		return TIMEOUT.multipliedBy(ATTEMPTS).plus(pauses);
	}

}
