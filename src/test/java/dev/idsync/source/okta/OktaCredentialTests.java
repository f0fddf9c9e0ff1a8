package dev.idsync.source.okta;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.config.OktaEntitlementProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.source.SilentServer;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Okta's credential check (the service app's token, or one user with an SSWS token), and an Okta that never answers:
 * one request's attempts, then every later request fails at once.
 */
class OktaCredentialTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(23, 60);

	@Test
	void credentialWhenThePrivateKeyIsAnotherAppsFailsNamingThePropertiesThatHoldIt() {
		// given
		SyntheticOrg stranger = OrgGenerator.generate(24, 50);
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			Okta okta = okta(properties(server.baseUrl(), "private-key", Path.of("/etc/idsync/okta.pem"),
					Duration.ofSeconds(5)), stranger.oktaPrivateKeyPem());
			// when
			Throwable failure = catchThrowable(() -> okta.credential().check());
			// then
			assertThat(failure).isInstanceOf(SourceException.class)
				.hasMessageStartingWith("okta: cannot authenticate to " + server.baseUrl())
				.hasMessageContaining("check idsync.okta.client-id, idsync.okta.key-id and the private key in "
						+ "idsync.okta.private-key-file (/etc/idsync/okta.pem)")
				.hasMessageNotContaining("PRIVATE KEY");
			assertThat(server.requestCount()).isEqualTo(1);
		}
	}

	@Test
	void credentialWhenTheServiceAppsKeyIsRightSignsInWithOneRequest() {
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			Okta okta = okta(properties(server.baseUrl(), "private-key", null, Duration.ofSeconds(5)),
					ORG.oktaPrivateKeyPem());
			assertThat(okta.credential().check()).isEqualTo("okta: the service app "
					+ ORG.okta().client().clientId() + " signed in at " + server.baseUrl());
			assertThat(server.requestCount()).isEqualTo(1);
		}
	}

	@Test
	void credentialWhenTheApiTokenIsWrongFailsNamingThePropertyThatHoldsIt() {
		try (OktaSimServer server = new OktaSimServer(ORG.oktaUsers(), ORG.oktaToken(), Clock.systemUTC(), 0)) {
			Okta okta = okta(properties(server.baseUrl(), "ssws", null, Duration.ofSeconds(5)), "00wrongwrongwrong");
			assertThatExceptionOfType(SourceException.class).isThrownBy(() -> okta.credential().check())
				.withMessage("okta: GET /api/v1/users?limit=1: HTTP 401 (is the API token in $IDSYNC_OKTA_TOKEN valid "
						+ "and not expired?)");
			assertThat(okta(properties(server.baseUrl(), "ssws", null, Duration.ofSeconds(5)), ORG.oktaToken())
				.credential().check()).isEqualTo("okta: the API token was accepted at " + server.baseUrl());
		}
	}

	@Test
	void readWhenOktaNeverAnswersGivesUpOnceThenEveryLaterRequestFailsAtOnce() throws IOException {
		try (SilentServer silent = SilentServer.start()) {
			// given
			Okta okta = okta(properties(silent.url(), "ssws", null, Duration.ofSeconds(1)), ORG.oktaToken());
			String first = "okta: Okta at " + silent.url() + " did not answer (read timed out after 1 s, 2 attempts); "
					+ "not asked again in this run";
			assertThatExceptionOfType(SourceException.class).isThrownBy(() -> okta.identities().page(null))
				.withMessage(first);
			// when
			long start = System.nanoTime();
			Throwable later = catchThrowable(() -> okta.credential().check());
			// then
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
			assertThat(later).isInstanceOf(SourceException.class).hasMessage(first);
			assertThat(silent.connections()).isEqualTo(2);
		}
	}

	private static Okta okta(OktaProperties properties, String credential) {
		return new Okta(properties, Secret.of(credential), (pause) -> { }, Clock.systemUTC());
	}

	private static OktaProperties properties(String url, String auth, Path privateKeyFile, Duration timeout) {
		return new OktaProperties(url, auth, null, "IDSYNC_OKTA_TOKEN", ORG.okta().client().clientId(),
				ORG.okta().client().keyId(), privateKeyFile, "IDSYNC_OKTA_PRIVATE_KEY",
				List.of("okta.users.read", "okta.groups.read", "okta.apps.read"),
				new OktaEntitlementProperties("everyone", List.of(), null), List.of(), null, "employeeNumber", 4, 5,
				timeout, new RetryProperties(2, Duration.ofMillis(5), Duration.ofMillis(20)));
	}

}
