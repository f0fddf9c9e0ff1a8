package dev.idsync.source.okta;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.idsync.config.OktaProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.Scenario;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.PagedSources;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OktaIdentitySourceTests {

	@Test
	void readsEveryUserInEveryStatusDeprovisionedIncluded() {
		SyntheticOrg org = OrgGenerator.generate(5, 1000);
		try (OktaSimServer okta = new OktaSimServer(org.oktaUsers(), org.oktaToken(), Clock.systemUTC(), 0)) {
			List<SourceIdentity> read = PagedSources.readAll(source(okta, org.oktaToken()));
			assertThat(read).extracting(SourceIdentity::sourceId)
				.containsExactlyInAnyOrderElementsOf(org.oktaUsers().stream().map(OktaSimUser::id).toList());
			Map<String, String> statusById = org.oktaUsers().stream()
				.collect(Collectors.toMap(OktaSimUser::id, OktaSimUser::status));
			for (SourceIdentity identity : read) {
				assertThat(identity.rawStatus()).isEqualTo(statusById.get(identity.sourceId()));
				assertThat(identity.lifecycle()).isEqualTo(expected(identity.rawStatus()));
				assertThat(identity.primaryEmail()).isLowerCase().contains("@");
			}
			assertThat(read).anyMatch((identity) -> identity.lifecycle() == Lifecycle.DEPROVISIONED)
				.anyMatch((identity) -> identity.emails().size() > 1);
		}
	}

	@Test
	void readsWhenEachUsersStatusChanged() {
		SyntheticOrg org = OrgGenerator.generate(5, 1000);
		try (OktaSimServer okta = new OktaSimServer(org.oktaUsers(), org.oktaToken(), Clock.systemUTC(), 0)) {
			Map<String, SourceIdentity> read = PagedSources.readAll(source(okta, org.oktaToken())).stream()
				.collect(Collectors.toMap(SourceIdentity::sourceId, (identity) -> identity));
			for (OktaSimUser user : org.oktaUsers()) {
				assertThat(read.get(user.id()).statusSince()).as(user.id()).isEqualTo(user.statusChanged());
			}
			assertThat(read.values()).anyMatch((identity) -> identity.statusSince() == null)
				.anyMatch((identity) -> identity.lifecycle().isInactive() && identity.statusSince() != null);
		}
	}

	@Test
	void readsAMassDepartureAsSuspendedSinceTheSimulatorStartedAndPlantedLeaversAsLongGone() {
		SyntheticOrg org = OrgGenerator.generate(5, 400, Scenario.parse("mass-departure:30"));
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), Clock.systemUTC())) {
			List<SourceIdentity> read = PagedSources.readAll(new Okta(new OktaProperties(simulator.oktaUrl(), null,
					"UNSET"), Secret.of(org.oktaToken()), (pause) -> { }, Clock.systemUTC()).identities());
			Instant started = simulator.started().truncatedTo(ChronoUnit.MILLIS);
			assertThat(read).filteredOn((identity) -> org.departures().contains(identity.sourceId()))
				.hasSize(org.departures().size())
				.allSatisfy((identity) -> {
					assertThat(identity.lifecycle()).isEqualTo(Lifecycle.SUSPENDED);
					assertThat(identity.statusSince()).isEqualTo(started);
				});
			assertThat(read).filteredOn((identity) -> !org.departures().contains(identity.sourceId()))
				.filteredOn((identity) -> identity.lifecycle().isInactive())
				.isNotEmpty()
				.allSatisfy((identity) -> assertThat(identity.statusSince())
					.isBeforeOrEqualTo(started.minus(30, ChronoUnit.DAYS)));
		}
	}

	@Test
	void emptyOrgStillListsDeprovisionedUsers() {
		OktaSimUser gone = new OktaSimUser("00uGONE0000000000001", "DEPROVISIONED", Instant.EPOCH, Instant.EPOCH,
				Instant.EPOCH, null, Instant.EPOCH, "gone@example.com", "gone@example.com", null, "Gone", "Person",
				Map.of());
		try (OktaSimServer okta = new OktaSimServer(List.of(gone), "00tok", Clock.systemUTC(), 0)) {
			assertThat(PagedSources.readAll(source(okta, "00tok"))).singleElement()
				.extracting(SourceIdentity::lifecycle)
				.isEqualTo(Lifecycle.DEPROVISIONED);
		}
	}

	@Test
	void wrongTokenFailsWithoutTheToken() {
		SyntheticOrg org = OrgGenerator.generate(5, 60);
		try (OktaSimServer okta = new OktaSimServer(org.oktaUsers(), org.oktaToken(), Clock.systemUTC(), 0)) {
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> source(okta, "00wrongwrongwrong").page(null))
				.withMessageContaining("HTTP 401")
				.withMessageNotContaining("00wrongwrongwrong");
		}
	}

	private static IdentitySource source(OktaSimServer okta, String token) {
		return new Okta(new OktaProperties(okta.baseUrl(), null, "UNSET"), Secret.of(token), (pause) -> { },
				Clock.systemUTC()).identities();
	}

	private static Lifecycle expected(String status) {
		return switch (status) {
			case "STAGED", "PROVISIONED" -> Lifecycle.PENDING;
			case "SUSPENDED" -> Lifecycle.SUSPENDED;
			case "DEPROVISIONED" -> Lifecycle.DEPROVISIONED;
			default -> Lifecycle.ACTIVE;
		};
	}

}
