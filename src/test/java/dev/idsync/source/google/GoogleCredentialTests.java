package dev.idsync.source.google;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.google.GoogleSimServer;
import dev.idsync.source.SilentServer;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Google's credential check (the delegated token, or one user with a ready access token), a token request that fails
 * (tried as often as idsync's retries say, not google-auth's), and a Google that never answers: one request's
 * attempts, then every later request fails at once.
 */
class GoogleCredentialTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(29, 60);

	private static final int ATTEMPTS = 2;

	@TempDir
	Path dir;

	@Test
	void credentialWhenTheServiceAccountKeyIsAnotherOneFailsNamingThePropertyThatHoldsIt() throws IOException {
		// given
		SyntheticOrg stranger = OrgGenerator.generate(30, 50);
		try (GoogleSimServer server = new GoogleSimServer(ORG.google(), 0)) {
			Path key = key(server.tokenUri(), stranger.googlePrivateKeyPem());
			Google google = new Google(properties(server.baseUrl(), key, Duration.ofSeconds(5)),
					Secret.of(Files.readString(key)), (pause) -> { });
			// when
			Throwable failure = catchThrowable(() -> google.credential().check());
			// then
			assertThat(failure).isInstanceOf(SourceException.class)
				.hasMessageStartingWith("google: the token request: Google refused to issue a token (")
				.hasMessageContaining("Check the service account's key in idsync.google.credentials-file (" + key + ")")
				.hasMessageNotContaining("PRIVATE KEY");
			assertThat(server.tokenRequestCount()).isEqualTo(1);
			assertThat(server.usersRequestCount()).isZero();
		}
	}

	@Test
	void credentialWhenTheServiceAccountIsDelegatedGetsOneToken() throws IOException {
		try (GoogleSimServer server = new GoogleSimServer(ORG.google(), 0)) {
			Path key = key(server.tokenUri(), ORG.googlePrivateKeyPem());
			Google google = new Google(properties(server.baseUrl(), key, Duration.ofSeconds(5)),
					Secret.of(Files.readString(key)), (pause) -> { });
			assertThat(google.credential().check())
				.isEqualTo("google: a token to act as " + ORG.google().serviceAccount().subject() + " was issued");
			assertThat(server.tokenRequestCount()).isEqualTo(1);
			assertThat(server.usersRequestCount()).isZero();
		}
	}

	@Test
	void credentialWhenTheTokenEndpointHangsUpIsTriedAsOftenAsIdsyncsRetriesSay() throws IOException {
		// given a token endpoint that closes every connection without a word
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket hangUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				while (!hangUp.isClosed()) {
					try (Socket connection = hangUp.accept()) {
						connections.incrementAndGet();
					}
					catch (IOException ex) {
						// closed: the test is over
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			Path key = key("http://127.0.0.1:" + hangUp.getLocalPort() + "/token", ORG.googlePrivateKeyPem());
			Google google = new Google(properties("http://127.0.0.1:1", key, Duration.ofSeconds(5)),
					Secret.of(Files.readString(key)), (pause) -> { });
			// when
			Throwable failure = catchThrowable(() -> google.credential().check());
			// then
			assertThat(failure).isInstanceOf(SourceException.class)
				.hasMessageContaining("the token request failed")
				.hasMessageContaining("still failing after " + ATTEMPTS + " attempts");
			assertThat(connections).hasValue(ATTEMPTS);
		}
	}

	@Test
	void readWhenGoogleNeverAnswersGivesUpOnceThenEveryLaterRequestFailsAtOnce() throws IOException {
		try (SilentServer silent = SilentServer.start()) {
			// given
			Google google = new Google(new GoogleProperties(silent.url(), "my_customer", null, null,
					"IDSYNC_GOOGLE_CREDENTIALS", null, null, "IDSYNC_GOOGLE_ACCESS_TOKEN", List.of(), List.of(),
					"organization", Duration.ofMillis(500), retries()), Secret.of(ORG.googleToken()), (pause) -> { });
			String first = "google: Google at " + silent.url() + " did not answer (read timed out after 500 ms, 2 "
					+ "attempts); not asked again in this run";
			assertThatExceptionOfType(SourceException.class).isThrownBy(() -> google.identities().page(null))
				.withMessage(first);
			// when
			long start = System.nanoTime();
			Throwable later = catchThrowable(() -> google.credential().check());
			// then
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
			assertThat(later).isInstanceOf(SourceException.class).hasMessage(first);
			assertThat(silent.connections()).isEqualTo(ATTEMPTS);
		}
	}

	private Path key(String tokenUri, String privateKeyPem) throws IOException {
		Path key = this.dir.resolve("key.json");
		JsonMapper json = JsonMapper.builder().build();
		Files.writeString(key, json.writeValueAsString(json.createObjectNode()
			.put("type", "service_account")
			.put("project_id", "test")
			.put("private_key_id", ORG.google().serviceAccount().keyId())
			.put("private_key", privateKeyPem)
			.put("client_email", ORG.google().serviceAccount().clientEmail())
			.put("client_id", ORG.google().serviceAccount().clientId())
			.put("token_uri", tokenUri)));
		return key;
	}

	private static GoogleProperties properties(String url, Path key, Duration timeout) {
		return new GoogleProperties(url, "my_customer", null, key, "IDSYNC_GOOGLE_CREDENTIALS",
				ORG.google().serviceAccount().subject(), null, "IDSYNC_GOOGLE_ACCESS_TOKEN", List.of(), List.of(),
				"organization", timeout, retries());
	}

	private static RetryProperties retries() {
		return new RetryProperties(ATTEMPTS, Duration.ofMillis(5), Duration.ofMillis(20));
	}

}
