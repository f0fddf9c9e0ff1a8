package dev.idsync.sim.phorge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class UserQueryTests {

	private final ConduitSimServer server = new ConduitSimServer(ReferenceInstance.directory(),
			Clock.fixed(Instant.ofEpochSecond(ReferenceInstance.NOW), ZoneOffset.UTC), 0, "http://phorge.example");

	private final ConduitTestClient client = new ConduitTestClient(this.server.baseUrl());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void queryByEmailMatchesAnyAddressIgnoringCase() {
		assertThat(userNames(Map.of("emails", List.of("FRANK.OLD@legacy.example.org")))).containsExactly("frank");
		assertThat(userNames(Map.of("emails", List.of("erin.evans@example.com")))).containsExactly("erin");
	}

	@Test
	void queryWhenAddressHasLeadingSpaceFindsNobody() {
		assertThat(userNames(Map.of("emails", List.of(" alice@example.com")))).isEmpty();
	}

	@Test
	void queryWhenTwoAddressesOfOneUserReportsPhorgesLoadAllFromArrayError() {
		Map<String, Object> envelope = this.client.call("user.query", ReferenceInstance.BOT_TOKEN,
				Map.of("emails", List.of("frank@example.com", "frank.fischer@corp.example.com")));
		assertThat(envelope).containsEntry("error_code", "ERR-CONDUIT-CORE")
			.containsEntry("error_info", "Rows passed to \"loadAllFromArray(...)\" include two or more rows with the "
					+ "same ID (\"10\"). Rows must have unique IDs. An underlying query may be missing a GROUP BY.");
	}

	@Test
	void queryWithoutLimitReturnsEveryUserNewestFirstWithoutACap() {
		List<String> names = userNames(Map.of("limit", 0));
		assertThat(names).hasSize(24).startsWith("ops-list", "walter").endsWith("admin");
	}

	@Test
	void queryCombinesConstraintsAndUsesThePublicBaseUrl() {
		Map<String, Object> envelope = this.client.call("user.query", ReferenceInstance.BOT_TOKEN,
				Map.of("realnames", List.of("Frank Fischer"), "ids", List.of(10, 11)));
		assertThat(envelope.get("result")).asInstanceOf(LIST).singleElement().satisfies((user) -> {
			assertThat(((Map<?, ?>) user).get("uri")).isEqualTo("http://phorge.example/p/frank/");
			assertThat(((Map<?, ?>) user).get("image").toString()).startsWith("http://phorge.example/file/data/");
		});
	}

	@Test
	void queryWhenRealNameDiffersInCaseFindsNobody() {
		assertThat(userNames(Map.of("realnames", List.of("frank fischer")))).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> userNames(Map<String, Object> params) {
		Map<String, Object> envelope = this.client.call("user.query", ReferenceInstance.BOT_TOKEN, params);
		assertThat(envelope).containsEntry("error_code", null);
		return ((List<Map<String, Object>>) envelope.get("result")).stream()
			.map((user) -> (String) user.get("userName"))
			.toList();
	}

}
