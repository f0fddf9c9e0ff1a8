package dev.idsync.source.google;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.Scenario;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.google.GoogleSimServer;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.PagedSources;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoogleIdentitySourceTests {

	@Test
	void readsLiveAndDeletedUsersWithAliases() {
		SyntheticOrg org = OrgGenerator.generate(5, 4000);
		try (GoogleSimServer google = new GoogleSimServer(org.googleUsers(), org.googleToken(), "C01", 0)) {
			List<SourceIdentity> read = PagedSources.readAll(source(google, org.googleToken()));
			Map<String, GoogleSimUser> byId = org.googleUsers().stream()
				.collect(Collectors.toMap(GoogleSimUser::id, (user) -> user));
			assertThat(read).extracting(SourceIdentity::sourceId).containsExactlyInAnyOrderElementsOf(byId.keySet());
			for (SourceIdentity identity : read) {
				GoogleSimUser user = byId.get(identity.sourceId());
				Lifecycle expected = user.deleted() ? Lifecycle.DEPROVISIONED
						: (user.suspended() || user.archived()) ? Lifecycle.SUSPENDED : Lifecycle.ACTIVE;
				assertThat(identity.lifecycle()).as(identity.sourceId()).isEqualTo(expected);
				assertThat(identity.emails()).containsAll(user.aliases());
				// Google dates a deletion, but not a suspension or an archiving
				assertThat(identity.statusSince()).as(identity.sourceId()).isEqualTo(user.deletionTime());
			}
			assertThat(read).anyMatch((identity) -> identity.rawStatus().startsWith("archived"))
				.anyMatch((identity) -> identity.rawStatus().matches("deleted \\d{4}-\\d\\d-\\d\\dT.*"))
				.anyMatch((identity) -> identity.rawStatus().equals("active (never logged in)"))
				.anyMatch((identity) -> identity.lifecycle() == Lifecycle.DEPROVISIONED
						&& identity.statusSince() != null);
		}
	}

	@Test
	void readsAMassDepartureAsSuspendedWithoutATime() {
		SyntheticOrg org = OrgGenerator.generate(5, 400, Scenario.parse("mass-departure:30"));
		SyntheticOrg plain = OrgGenerator.generate(5, 400);
		Set<String> departed = org.googleUsers().stream().filter((user) -> !plain.googleUsers().contains(user))
			.map(GoogleSimUser::id)
			.collect(Collectors.toSet());
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), Clock.systemUTC())) {
			List<SourceIdentity> read = PagedSources.readAll(source(simulator.googleUrl(), org.googleToken()));
			assertThat(read).filteredOn((identity) -> departed.contains(identity.sourceId()))
				.hasSize(departed.size())
				.isNotEmpty()
				.allSatisfy((identity) -> {
					assertThat(identity.lifecycle()).isEqualTo(Lifecycle.SUSPENDED);
					assertThat(identity.rawStatus()).startsWith("suspended");
					assertThat(identity.statusSince()).isNull();
				});
		}
	}

	@Test
	void wrongTokenFailsClearly() {
		SyntheticOrg org = OrgGenerator.generate(5, 60);
		try (GoogleSimServer google = new GoogleSimServer(org.googleUsers(), org.googleToken(), "C01", 0)) {
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> source(google, "ya29.wrong").page(null))
				.withMessageContaining("google")
				.withMessageNotContaining("ya29.wrong");
		}
	}

	private static IdentitySource source(GoogleSimServer google, String token) {
		return source(google.baseUrl(), token);
	}

	private static IdentitySource source(String url, String token) {
		return new Google(new GoogleProperties(url, "my_customer", null, null, null, "UNSET"), Secret.of(token),
				(pause) -> { }).identities();
	}

}
