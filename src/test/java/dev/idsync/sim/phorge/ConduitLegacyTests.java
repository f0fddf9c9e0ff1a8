package dev.idsync.sim.phorge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.idsync.sim.Faults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated Phabricator without {@code user.edit}, and the per-method call counts of the simulator.
 */
class ConduitLegacyTests {

	private static final String DAVE = "PHID-USER-o4wj67oupcb3sp3ffk3u";

	private final InMemoryPhorgeDirectory directory = ReferenceInstance.directory();

	private final ConduitSimServer server = new ConduitSimServer(this.directory,
			Clock.fixed(Instant.ofEpochSecond(ReferenceInstance.NOW), ZoneOffset.UTC), 0, null, "vm", Faults.none(),
			ConduitSimServer.BEFORE_USER_EDIT);

	private final ConduitTestClient client = new ConduitTestClient(this.server.baseUrl());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void absentMethodAnswersAsPhorgeDoesForAMethodItLacks() {
		// given
		Map<String, Object> transactions = Map.of("objectIdentifier", DAVE, "transactions",
				List.of(Map.of("type", "disabled", "value", true)));

		// when
		String body = this.client.post("user.edit", List.of(Map.entry("api.token", ReferenceInstance.ADMIN_TOKEN)));
		Map<String, Object> envelope = this.client.call("user.edit", ReferenceInstance.ADMIN_TOKEN, transactions);

		// then
		assertThat(body).isEqualTo("{\"result\":null,\"error_code\":\"ERR-CONDUIT-CALL\",\"error_info\":"
				+ "\"Conduit API method \\\"user.edit\\\" does not exist.\"}");
		assertThat(envelope).containsEntry("error_code", "ERR-CONDUIT-CALL");
		assertThat(this.directory.userByPhid(DAVE)).hasValueSatisfying((dave) -> assertThat(dave.disabled()).isFalse());
	}

	@Test
	void deprecatedMethodsStillWorkWithoutUserEdit() {
		// when
		Map<String, Object> envelope = this.client.call("user.disable", ReferenceInstance.ADMIN_TOKEN,
				Map.of("phids", List.of(DAVE)));

		// then
		assertThat(envelope).containsEntry("error_code", null).containsEntry("result", null);
		assertThat(this.directory.userByPhid(DAVE)).hasValueSatisfying((dave) -> assertThat(dave.disabled()).isTrue());
	}

	@Test
	void callsAreCountedPerMethodWhateverTheAnswer() {
		// when
		this.client.call("user.whoami", ReferenceInstance.BOT_TOKEN, Map.of());
		this.client.call("user.whoami", "api-" + "c".repeat(28), Map.of());
		this.client.call("user.edit", ReferenceInstance.ADMIN_TOKEN, Map.of());
		this.client.call("user.nonexistent", ReferenceInstance.ADMIN_TOKEN, Map.of());

		// then
		assertThat(this.server.calls("user.whoami")).isEqualTo(2);
		assertThat(this.server.calls("user.edit")).isEqualTo(1);
		assertThat(this.server.calls("user.nonexistent")).isEqualTo(1);
		assertThat(this.server.calls("user.search")).isZero();
	}

	@Test
	void defaultServerStillHasEveryMethod() {
		// given
		try (ConduitSimServer current = new ConduitSimServer(ReferenceInstance.directory(Set.of()),
				Clock.fixed(Instant.ofEpochSecond(ReferenceInstance.NOW), ZoneOffset.UTC), 0, null)) {
			// when
			Map<String, Object> envelope = new ConduitTestClient(current.baseUrl()).call("user.edit",
					ReferenceInstance.ADMIN_TOKEN, Map.of("objectIdentifier", DAVE, "transactions",
							List.of(Map.of("type", "disabled", "value", true))));

			// then
			assertThat(envelope).containsEntry("error_code", null);
		}
	}

}
