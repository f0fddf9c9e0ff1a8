package dev.idsync.sim.phorge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class UserEditTests {

	private static final long NOW = 1_796_000_000L;

	private static final String ADMIN = "PHID-USER-25ecortq4ibp6wcmb7kh";

	private static final String BOT = "PHID-USER-y553oueprtkrwtbxjttc";

	private static final String NADIA = "PHID-USER-5rhj6izfzvsqo7wwepmi";

	private static final String DAVE = "PHID-USER-o4wj67oupcb3sp3ffk3u";

	private static final String MALLORY = "PHID-USER-imdg6uooj73qlrtqwmbp";

	private static final String ALICE = "PHID-USER-j24dqusit4locclomx3v";

	private InMemoryPhorgeDirectory directory = ReferenceInstance.directory();

	private ConduitSimServer server = start(this.directory);

	private ConduitTestClient client = new ConduitTestClient(this.server.baseUrl());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void editWhenRepeatedChangesNothingAndReturnsNoTransactions() {
		Map<String, Object> first = result(disable(ReferenceInstance.ADMIN_TOKEN, DAVE, true));
		Map<String, Object> second = result(disable(ReferenceInstance.ADMIN_TOKEN, DAVE, true));
		assertThat(first.get("object")).isEqualTo(Map.of("id", 8, "phid", DAVE));
		assertThat((List<?>) first.get("transactions")).singleElement()
			.satisfies((xaction) -> assertThat(((Map<?, ?>) xaction).get("phid").toString())
				.matches("PHID-XACT-USER-[a-z2-7]{15}"));
		assertThat(second).isEqualTo(Map.of("object", Map.of("id", 8, "phid", DAVE), "transactions", List.of()));
		assertThat(this.directory.userByPhid(DAVE)).hasValueSatisfying((dave) -> {
			assertThat(dave.disabled()).isTrue();
			assertThat(dave.dateModified()).isEqualTo(NOW);
		});
	}

	@Test
	void editByBotGrantedDisableCapabilityDisablesAnAdminButNotItself() {
		restart(ReferenceInstance.directory(Set.of(BOT)));
		assertThat(result(disable(ReferenceInstance.BOT_TOKEN, NADIA, true)).get("transactions")).asInstanceOf(LIST)
			.hasSize(1);
		assertThat(this.directory.userByPhid(NADIA))
			.hasValueSatisfying((nadia) -> assertThat(nadia.disabled()).isTrue());
		assertThat(disable(ReferenceInstance.BOT_TOKEN, BOT, true)).containsEntry("error_code", "ERR-CONDUIT-CORE")
			.containsEntry("error_info", "Validation errors:\n  - You can not enable or disable your own account.");
		assertThat(this.client.call("user.disable", ReferenceInstance.BOT_TOKEN, Map.of("phids", List.of(DAVE))))
			.containsEntry("error_code", "ERR-PERMISSIONS");
	}

	@Test
	void editBySelfWithoutDisableCapabilityReportsTheCapabilityFirst() {
		assertThat(disable(ReferenceInstance.BOT_TOKEN, BOT, true)).containsEntry("error_info",
				"[You Shall Not Pass: People] (Can Disable Users) You do not have permission to disable or enable "
						+ "users. // Administrators can take this action.");
	}

	@Test
	void editWithoutDisableCapabilityWhenNothingChangesSucceedsEmpty() {
		assertThat(result(disable(ReferenceInstance.BOT_TOKEN, MALLORY, true)).get("transactions")).asInstanceOf(LIST)
			.isEmpty();
	}

	@Test
	void editOwnRealNameChangesItButNotSomeoneElses() {
		Map<String, Object> own = this.client.call("user.edit", ReferenceInstance.ALICE_TOKEN,
				Map.of("objectIdentifier", "@alice", "transactions",
						List.of(Map.of("type", "realName", "value", "Alice A."))));
		assertThat(result(own).get("transactions")).asInstanceOf(LIST).hasSize(1);
		assertThat(this.directory.userByPhid(ALICE)).hasValueSatisfying(
				(alice) -> assertThat(alice.realName()).isEqualTo("Alice A."));
		Map<String, Object> other = this.client.call("user.edit", ReferenceInstance.ALICE_TOKEN, Map.of(
				"objectIdentifier", DAVE, "transactions", List.of(Map.of("type", "title", "value", "Boss"))));
		assertThat(other).containsEntry("error_info", "[You Shall Not Pass: dave] (Can Edit) You do not have "
				+ "permission to edit this object. // By default, no one can take this action. Only you can edit "
				+ "your information.");
	}

	@Test
	void disableWhenAPhidRepeatsReportsBadPhidAndChangesNothing() {
		Map<String, Object> envelope = this.client.call("user.disable", ReferenceInstance.ADMIN_TOKEN,
				Map.of("phids", List.of(DAVE, DAVE)));
		assertThat(envelope).containsEntry("error_code", "ERR-BAD-PHID");
		assertThat(this.directory.userByPhid(DAVE)).hasValueSatisfying((dave) -> assertThat(dave.disabled()).isFalse());
	}

	@Test
	void editWhenTransactionsAreMissingNamesTheParameter() {
		Map<String, Object> envelope = this.client.call("user.edit", ReferenceInstance.ADMIN_TOKEN,
				Map.of("objectIdentifier", DAVE));
		assertThat(envelope).containsEntry("error_info", "Parameter \"transactions\" is not a list of transactions.");
	}

	@Test
	void editByUnknownNumericIdReportsTheId() {
		Map<String, Object> envelope = this.client.call("user.edit", ReferenceInstance.ADMIN_TOKEN,
				Map.of("objectIdentifier", 999, "transactions", List.of(Map.of("type", "disabled", "value", true))));
		assertThat(envelope).containsEntry("error_info", "No object exists with ID \"999\".");
	}

	@Test
	void editApprovalByAdminApprovesAndEnablesApiUse() {
		String sybil = "PHID-USER-ht32pzjqy3ectrqotx4w";
		this.client.call("user.edit", ReferenceInstance.ADMIN_TOKEN,
				Map.of("objectIdentifier", sybil, "transactions", List.of(Map.of("type", "approved", "value", true))));
		assertThat(this.client.post("user.whoami", List.of(Map.entry("api.token", "api-7jvlldkusylvaenw4uvdxqbriqio"))))
			.contains("\"userName\":\"sybil\"");
	}

	private Map<String, Object> disable(String token, String phid, boolean disabled) {
		return this.client.call("user.edit", token, Map.of("objectIdentifier", phid, "transactions",
				List.of(Map.of("type", "disabled", "value", disabled))));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Map<String, Object> envelope) {
		assertThat(envelope).containsEntry("error_code", null);
		return (Map<String, Object>) envelope.get("result");
	}

	private void restart(InMemoryPhorgeDirectory directory) {
		this.server.close();
		this.directory = directory;
		this.server = start(directory);
		this.client = new ConduitTestClient(this.server.baseUrl());
	}

	private static ConduitSimServer start(PhorgeDirectory directory) {
		return new ConduitSimServer(directory, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), 0, null);
	}

}
