package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.domain.ExitCode;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code checkCredentialsStep}: a wrong credential fails the run at once, in one line naming the property that holds
 * it, before any identity source or Phorge account is read.
 */
class CheckCredentialsFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(43, 100);

	@TempDir
	Path dir;

	@Test
	void runWhenTheConduitTokenIsWrongFailsBeforeAnySourceIsReadNamingTheProperty() throws Exception {
		// given
		String wrong = "api-" + "w".repeat(28);
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			JobSettings settings = settings(simulator, "sim.conduit-token", wrong);
			// when
			RunResult result = NightlySync.run(settings, "wrong-token", this.dir.resolve("reports"));
			// then
			assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(result.failure()).startsWith("conduit: user.whoami: Phorge refused the token in "
					+ "idsync.phorge.token-file (" + this.dir.resolve("sim.conduit-token") + "): ERR-INVALID-AUTH: ")
				.doesNotContain(wrong)
				.doesNotContain("\n");
			assertThat(simulator.okta().requestCount()).isZero();
			assertThat(simulator.google().requestCount()).isZero();
			assertThat(simulator.conduitCalls("user.whoami")).isEqualTo(1);
			assertThat(simulator.conduitCalls("user.search")).isZero();
			assertThat(result.reportDir()).isNull();
		}
	}

	@Test
	void runWhenTheOktaKeyIsWrongFailsBeforeAnySourceIsReadNamingTheProperty() throws Exception {
		// given the private key of another service app
		String stranger = OrgGenerator.generate(44, 50).oktaPrivateKeyPem();
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			JobSettings settings = settings(simulator, "sim.okta-key.pem", stranger);
			// when
			RunResult result = NightlySync.run(settings, "wrong-key", this.dir.resolve("reports"));
			// then
			assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
			assertThat(result.failure()).startsWith("okta: cannot authenticate to " + simulator.oktaUrl())
				.contains("check idsync.okta.client-id, idsync.okta.key-id and the private key in "
						+ "idsync.okta.private-key-file (" + this.dir.resolve("sim.okta-key.pem") + ")")
				.doesNotContain("PRIVATE KEY")
				.doesNotContain("\n");
			assertThat(simulator.okta().requestCounts()).containsEntry("/api/v1/users", 0L);
			assertThat(simulator.google().requestCount()).isZero();
			assertThat(simulator.conduitCalls("user.search")).isZero();
		}
	}

	private JobSettings settings(Simulator simulator, String credentialFile, String credential) throws Exception {
		return SimulatedRun.settings(simulator, PhorgeAccess.CONDUIT_AND_DATABASE,
				"jdbc:h2:file:" + this.dir.resolve("idsync"), this.dir, List.of(),
				(config) -> Files.writeString(config.resolveSibling(credentialFile), credential + "\n"));
	}

}
