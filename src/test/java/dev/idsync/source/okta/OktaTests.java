package dev.idsync.source.okta;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.idsync.config.OktaEntitlementProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.sim.Faults;
import dev.idsync.sim.MutableClock;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.source.EntitlementSource;
import dev.idsync.source.Page;
import dev.idsync.source.PagedSources;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OktaTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(23, 1500);

	private final List<Duration> waits = new ArrayList<>();

	@Test
	void privateKeyJwtReadsEveryUserWithAttributes() {
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			List<SourceIdentity> read = PagedSources.readAll(okta(server, "everyone", null).identities());
			assertThat(read).hasSize(ORG.oktaUsers().size());
			assertThat(read).allSatisfy((identity) -> assertThat(identity.employeeId()).startsWith("E"));
			assertThat(read).filteredOn((identity) -> identity.usernameHint() != null).isNotEmpty()
				.allSatisfy((identity) -> assertThat(identity.usernameHint()).startsWith("hint-"));
		}
	}

	@Test
	void privateKeyOfAnotherAppFailsAuthenticationClearly() {
		SyntheticOrg stranger = OrgGenerator.generate(24, 50);
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			OktaProperties properties = properties(server, "everyone", null);
			Okta okta = new Okta(properties, Secret.of(stranger.oktaPrivateKeyPem()), this.waits::add, Clock.systemUTC());
			assertThatExceptionOfType(SourceException.class).isThrownBy(() -> okta.identities().page(null))
				.withMessageContaining("cannot authenticate to " + server.baseUrl())
				.withMessageNotContaining("PRIVATE KEY");
		}
	}

	@Test
	void entitlementByGroupNameListsItsMembers() {
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			EntitlementSource entitled = okta(server, "groups", null).entitlement().orElseThrow();
			assertThat(entitled.name()).isEqualTo("okta:entitlement");
			assertThat(PagedSources.readAll(entitled)).containsExactlyInAnyOrderElementsOf(ORG.okta().groups().stream()
				.filter((group) -> group.name().equals(SyntheticOrg.OKTA_GROUP))
				.findFirst().orElseThrow().userIds());
		}
	}

	@Test
	void entitlementByAppListsItsAssignedUsers() {
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			List<String> assigned = PagedSources.readAll(okta(server, "app", SyntheticOrg.OKTA_APP).entitlement()
				.orElseThrow());
			Set<String> deprovisioned = new HashSet<>(ORG.oktaUsers().stream()
				.filter((user) -> user.status().equals("DEPROVISIONED")).map(OktaSimUser::id).toList());
			assertThat(assigned).isNotEmpty().doesNotContainAnyElementsOf(deprovisioned);
			assertThat(ORG.okta().apps().get(0).userIds()).containsAll(assigned);
		}
	}

	@Test
	void entitlementByUnknownGroupFailsTheReadInsteadOfEntitlingNobody() {
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), Clock.systemUTC(), 0)) {
			OktaProperties properties = new OktaProperties(server.baseUrl(), "private-key", null, "UNSET",
					ORG.okta().client().clientId(), ORG.okta().client().keyId(), null, "UNSET",
					List.of("okta.users.read", "okta.groups.read", "okta.apps.read"),
					new OktaEntitlementProperties("groups", List.of("phorge"), null), List.of(), null,
					"employeeNumber", 4, 5, Duration.ofSeconds(25), fast());
			EntitlementSource entitled = new Okta(properties, Secret.of(ORG.oktaPrivateKeyPem()), this.waits::add,
					Clock.systemUTC()).entitlement().orElseThrow();
			assertThatExceptionOfType(SourceException.class).isThrownBy(() -> entitled.page(null))
				.withMessageContaining("the group 'phorge' does not exist (check idsync.okta.entitlement.groups)");
		}
	}

	@Test
	void pacingWaitsForTheWindowInsteadOfRunningIntoRateLimits() {
		// real time moves the clock too: on a loaded machine the server's Date header (wall time) would otherwise run
		// ahead of the simulator's budget clock and make the client resume too early
		MutableClock clock = MutableClock.following();
		try (OktaSimServer server = new OktaSimServer(ORG.okta(), clock, 0, Faults.none(), 4)) {
			Okta okta = new Okta(properties(server, "everyone", null), Secret.of(ORG.oktaPrivateKeyPem()), (pause) -> {
				this.waits.add(pause);
				clock.advance(pause);
			}, clock);
			int pages = 0;
			int rateLimitWaits = 0;
			int read = 0;
			String cursor = null;
			do {
				Page<SourceIdentity> page = okta.identities().page(cursor);
				pages++;
				read += page.items().size();
				rateLimitWaits += page.rateLimitWaits();
				cursor = page.next();
			}
			while (cursor != null);
			assertThat(read).isEqualTo(ORG.oktaUsers().size());
			assertThat(server.rateLimitedCount()).isZero();
			assertThat(rateLimitWaits).isEqualTo(this.waits.size()).isGreaterThanOrEqualTo(pages / 4 - 1);
		}
	}

	private Okta okta(OktaSimServer server, String mode, String app) {
		return new Okta(properties(server, mode, app), Secret.of(ORG.oktaPrivateKeyPem()), this.waits::add,
				Clock.systemUTC());
	}

	private static OktaProperties properties(OktaSimServer server, String mode, String app) {
		return new OktaProperties(server.baseUrl(), "private-key", (Path) null, "UNSET", ORG.okta().client().clientId(),
				ORG.okta().client().keyId(), null, "UNSET",
				List.of("okta.users.read", "okta.groups.read", "okta.apps.read"),
				new OktaEntitlementProperties(mode, mode.equals("groups") ? List.of(SyntheticOrg.OKTA_GROUP) : List.of(),
						app),
				List.of(), SyntheticOrg.USERNAME_ATTRIBUTE, "employeeNumber", 4, 0, Duration.ofSeconds(25), fast());
	}

	private static RetryProperties fast() {
		return new RetryProperties(3, Duration.ofMillis(5), Duration.ofMillis(20));
	}

}
