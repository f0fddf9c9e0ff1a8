package dev.idsync.source.google;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.google.GoogleSimCustomer;
import dev.idsync.sim.google.GoogleSimError;
import dev.idsync.sim.google.GoogleSimServer;
import dev.idsync.sim.google.GoogleSimServiceAccount;
import dev.idsync.source.Page;
import dev.idsync.source.PagedSources;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoogleTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(29, 3000);

	private final List<Duration> waits = new ArrayList<>();

	@TempDir
	Path dir;

	@Test
	void domainWideDelegationReadsUsersAndEntitlementWithEmployeeIds() throws IOException {
		try (GoogleSimServer server = new GoogleSimServer(ORG.google(), 0)) {
			Google google = google(server, ORG.google());
			List<SourceIdentity> users = PagedSources.readAll(google.identities());
			assertThat(users).hasSize(ORG.googleUsers().size());
			assertThat(users).allSatisfy((user) -> assertThat(user.employeeId()).startsWith("E"));
			assertThat(PagedSources.readAll(google.entitlement().orElseThrow()))
				.containsExactlyInAnyOrderElementsOf(ORG.google().groups().get(0).memberIds().stream()
					.filter((id) -> ORG.googleUsers().stream().anyMatch((u) -> u.id().equals(id) && !u.deleted()))
					.toList());
		}
	}

	@Test
	void rateLimitsAreRetriedWithExponentialBackoff() throws IOException {
		try (GoogleSimServer server = new GoogleSimServer(ORG.google(), 0)) {
			server.failNext(GoogleSimError.USER_RATE_LIMIT_EXCEEDED, GoogleSimError.QUOTA_EXCEEDED,
					GoogleSimError.RATE_LIMIT_EXCEEDED);
			Page<SourceIdentity> page = google(server, ORG.google()).identities().page(null);
			assertThat(page.items()).hasSize(500);
			assertThat(page.retries()).isEqualTo(3);
			assertThat(page.rateLimitWaits()).isEqualTo(3);
			assertThat(this.waits).hasSize(3);
			assertThat(this.waits.get(1)).isGreaterThan(this.waits.get(0));
		}
	}

	@Test
	void forbiddenFailsAtOnceSayingWhatToCheck() throws IOException {
		try (GoogleSimServer server = new GoogleSimServer(ORG.google(), 0)) {
			server.failNext(GoogleSimError.FORBIDDEN);
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> google(server, ORG.google()).identities().page(null))
				.withMessageContaining("HTTP 403 forbidden")
				.withMessageContaining("the impersonated admin admin@example.com may not read the directory")
				.withMessageContaining("Domain-wide delegation");
			assertThat(this.waits).isEmpty();
			assertThat(server.usersRequestCount()).isEqualTo(1);
		}
	}

	@Test
	void scopesNotDelegatedFailWithTheDelegationToFix() throws IOException {
		GoogleSimServiceAccount account = ORG.google().serviceAccount();
		GoogleSimServiceAccount narrow = new GoogleSimServiceAccount(account.clientEmail(), account.clientId(),
				account.keyId(), account.publicKey(), account.subject(),
				java.util.Set.of("https://www.googleapis.com/auth/admin.directory.user.readonly"));
		GoogleSimCustomer customer = new GoogleSimCustomer(ORG.googleUsers(), ORG.google().groups(),
				ORG.google().customerId(), ORG.googleToken(), narrow);
		try (GoogleSimServer server = new GoogleSimServer(customer, 0)) {
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> google(server, customer).identities().page(null))
				.withMessageContaining("Google refused to issue a token")
				.withMessageContaining("admin.directory.group.member.readonly")
				.withMessageNotContaining("PRIVATE KEY");
		}
	}

	private Google google(GoogleSimServer server, GoogleSimCustomer customer) throws IOException {
		Path key = this.dir.resolve("key.json");
		JsonMapper json = JsonMapper.builder().build();
		Files.writeString(key, json.writeValueAsString(json.createObjectNode()
			.put("type", "service_account")
			.put("project_id", "test")
			.put("private_key_id", customer.serviceAccount().keyId())
			.put("private_key", ORG.googlePrivateKeyPem())
			.put("client_email", customer.serviceAccount().clientEmail())
			.put("client_id", customer.serviceAccount().clientId())
			.put("token_uri", server.tokenUri())));
		GoogleProperties properties = new GoogleProperties(server.baseUrl(), "my_customer", null, key, "UNSET",
				customer.serviceAccount().subject(), null, "UNSET", List.of(SyntheticOrg.GOOGLE_GROUP), List.of(),
				"organization", Duration.ofSeconds(20),
				new RetryProperties(4, Duration.ofMillis(100), Duration.ofSeconds(1)));
		return new Google(properties, Secret.of(Files.readString(key)), this.waits::add);
	}

}
