package dev.idsync.sim.phorge;

import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.idsync.sim.MutableClock;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.phorge.db.PhorgeDatabaseSimServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's Phorge database tells the same story as its Conduit, read as idsync reads it (over TCP, as the
 * read-only user), and Conduit follows what is changed in the database.
 */
class ConduitDatabaseTests {

	private static final long NOW = 1_795_000_000L;

	private static final SyntheticOrg ORG = OrgGenerator.generate(11, 300);

	private static final Simulator SIMULATOR = Simulator.start(ORG, SimPorts.ephemeral(),
			new MutableClock(Instant.ofEpochSecond(NOW)));

	private static final JdbcTemplate READER = new JdbcTemplate(new DriverManagerDataSource(
			SIMULATOR.phorgeDatabase().jdbcUrl(), PhorgeDatabaseSimServer.READER,
			SIMULATOR.phorgeDatabase().readerPassword()));

	private static final JdbcTemplate PHORGE = new JdbcTemplate(SIMULATOR.phorgeDatabase().dataSource());

	private final ConduitTestClient client = new ConduitTestClient(SIMULATOR.conduitUrl());

	@AfterAll
	static void stop() {
		SIMULATOR.close();
	}

	@Test
	void everyUserRowIsWhatUserSearchAnswers() {
		Map<Object, Map<String, Object>> rows = READER.queryForList("SELECT * FROM `phabricator_user`.`user`")
			.stream()
			.collect(Collectors.toMap((row) -> ((Number) row.get("id")).intValue(), Function.identity()));
		List<Map<String, Object>> users = search(ORG.conduitToken(), Map.of());
		assertThat(users).hasSize(ORG.phorgeUsers().size()).hasSameSizeAs(rows.values());
		for (Map<String, Object> user : users) {
			Map<String, Object> row = rows.get(user.get("id"));
			Map<String, Object> fields = fields(user);
			List<?> roles = (List<?>) fields.get("roles");
			assertThat(row).as("row %s", user.get("id"))
				.containsEntry("phid", user.get("phid"))
				.containsEntry("userName", fields.get("username"))
				.containsEntry("realName", fields.get("realName"));
			assertThat(numbers(row, "dateCreated", "dateModified", "isDisabled", "isSystemAgent", "isMailingList",
					"isAdmin", "isEmailVerified", "isApproved")).as("row %s", user.get("id"))
				.containsExactly(number(fields.get("dateCreated")), number(fields.get("dateModified")),
						bit(roles.contains("disabled")), bit(roles.contains("bot")), bit(roles.contains("list")),
						bit(roles.contains("admin")), bit(roles.contains("verified")), bit(roles.contains("approved")));
		}
	}

	@Test
	void everyAddressRowFindsItsOwnerThroughUserQuery() {
		List<Map<String, Object>> rows = READER
			.queryForList("SELECT `address`, `userPHID` FROM `phabricator_user`.`user_email`");
		assertThat(rows).hasSize(ORG.phorgeEmails().size());
		for (Map<String, Object> row : rows) {
			Map<String, Object> envelope = this.client.call("user.query", ORG.conduitToken(),
					Map.of("emails", List.of(row.get("address"))));
			assertThat((List<?>) envelope.get("result")).as("user.query %s", row.get("address"))
				.singleElement()
				.satisfies((user) -> assertThat(((Map<?, ?>) user).get("phid")).isEqualTo(row.get("userPHID")));
		}
	}

	@Test
	void enrolmentRowsAreWhatTheAdminsMfaConstraintFinds() {
		String admin = READER.queryForObject("SELECT MIN(`phid`) FROM `phabricator_user`.`user` WHERE `isAdmin` = 1 "
				+ "AND `isDisabled` = 0", String.class);
		String token = insertToken(admin, "api-" + "mfa2".repeat(7));
		Set<Object> enrolled = new HashSet<>(READER.queryForList(
				"SELECT `phid` FROM `phabricator_user`.`user` WHERE `isEnrolledInMultiFactor` = 1", Object.class));
		assertThat(enrolled).isNotEmpty();
		assertThat(search(token, Map.of("mfa", true))).extracting((user) -> user.get("phid"))
			.containsExactlyInAnyOrderElementsOf(enrolled);
	}

	@Test
	void disablingThroughConduitWritesTheUserRow() {
		String phid = enabledPerson(0);
		for (boolean disabled : new boolean[] { true, false }) {
			Map<String, Object> envelope = this.client.call("user.edit", ORG.conduitToken(), Map.of(
					"objectIdentifier", phid, "transactions", List.of(Map.of("type", "disabled", "value", disabled))));
			assertThat(envelope).containsEntry("error_code", null);
			assertThat(numbers(READER.queryForMap("SELECT * FROM `phabricator_user`.`user` WHERE `phid` = ?", phid),
					"isDisabled", "dateModified")).containsExactly(bit(disabled), NOW);
		}
	}

	@Test
	void disablingThroughConduitRecordsATransactionByTheCallerOnlyWhenItChangedSomething() {
		String phid = enabledPerson(1);
		String bot = whoami(ORG.conduitToken());
		List<Object> returned = new ArrayList<>();
		for (boolean disabled : new boolean[] { true, true, false }) {
			returned.addAll(transactionPhids(this.client.call("user.edit", ORG.conduitToken(), Map.of(
					"objectIdentifier", phid, "transactions", List.of(Map.of("type", "disabled", "value", disabled))))));
		}
		List<Map<String, Object>> rows = transactionsOf(phid);
		assertThat(rows).extracting((row) -> row.get("phid")).containsExactlyElementsOf(returned).hasSize(2);
		assertThat(rows).extracting((row) -> row.get("oldValue") + " -> " + row.get("newValue"))
			.containsExactly("false -> true", "true -> false");
		assertThat(rows).allSatisfy((row) -> assertThat(row).containsEntry("authorPHID", bot)
			.containsEntry("objectPHID", phid)
			.containsEntry("transactionType", "user.disable")
			.containsEntry("viewPolicy", "public")
			.containsEntry("editPolicy", bot)
			.containsEntry("commentPHID", null)
			.containsEntry("metadata", "[]")
			.containsEntry("contentSource", "{\"source\":\"conduit\",\"params\":[]}"));
		assertThat(rows).allSatisfy((row) -> assertThat(numbers(row, "commentVersion", "dateCreated", "dateModified"))
			.containsExactly(0L, NOW, NOW));
		assertThat((String) rows.get(0).get("phid")).matches("PHID-XACT-USER-[a-z2-7]{15}");
	}

	@Test
	void deprecatedDisableAndEnableRecordTheAdministratorAsAuthor() {
		String admin = READER.queryForObject("SELECT MIN(`phid`) FROM `phabricator_user`.`user` WHERE `isAdmin` = 1 "
				+ "AND `isDisabled` = 0", String.class);
		String token = insertToken(admin, "api-" + "adm2".repeat(7));
		String phid = enabledPerson(2);
		for (String method : List.of("user.disable", "user.enable", "user.enable")) {
			assertThat(this.client.call(method, token, Map.of("phids", List.of(phid)))).containsEntry("error_code",
					null);
		}
		assertThat(transactionsOf(phid)).extracting((row) -> row.get("authorPHID") + " " + row.get("newValue"))
			.containsExactly(admin + " true", admin + " false");
	}

	/** The {@code n}th enabled, approved person's account (by PHID), one a test may disable and enable again. */
	private static String enabledPerson(int n) {
		return READER.queryForList("SELECT `phid` FROM `phabricator_user`.`user` WHERE `isAdmin` = 0 "
				+ "AND `isDisabled` = 0 AND `isApproved` = 1 AND `isSystemAgent` = 0 AND `isMailingList` = 0 "
				+ "ORDER BY `phid`", String.class).get(n);
	}

	private static List<Map<String, Object>> transactionsOf(String phid) {
		return READER.queryForList("SELECT * FROM `phabricator_user`.`user_transaction` WHERE `objectPHID` = ? "
				+ "AND `dateCreated` = ? ORDER BY `id`", phid, NOW);
	}

	private String whoami(String token) {
		return (String) ((Map<?, ?>) this.client.call("user.whoami", token, Map.of()).get("result")).get("phid");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> transactionPhids(Map<String, Object> envelope) {
		assertThat(envelope).containsEntry("error_code", null);
		List<Map<String, Object>> transactions = (List<Map<String, Object>>) ((Map<String, Object>) envelope
			.get("result")).get("transactions");
		return transactions.stream().map((transaction) -> transaction.get("phid")).toList();
	}

	@Test
	void tokenInsertedIntoTheTableAuthenticatesAndExpiringItThereRefusesIt() {
		String owner = READER.queryForObject("SELECT MIN(`phid`) FROM `phabricator_user`.`user` WHERE `isAdmin` = 0 "
				+ "AND `isDisabled` = 0 AND `isApproved` = 1 AND `isMailingList` = 0", String.class);
		String token = insertToken(owner, "api-" + "new2".repeat(7));
		assertThat(this.client.call("user.whoami", token, Map.of()).get("result"))
			.satisfies((user) -> assertThat(((Map<?, ?>) user).get("phid")).isEqualTo(owner));
		// terminated as Phorge's web UI does it: expires = now
		PHORGE.update("UPDATE `phabricator_conduit`.`conduit_token` SET `expires` = ? WHERE `token` = ?", NOW, token);
		assertThat(this.client.call("user.whoami", token, Map.of())).containsEntry("error_code", "ERR-INVALID-AUTH")
			.containsEntry("error_info", "API token \"" + token + "\" was previously valid, but has expired.");
		// revoked as bin/auth revoke does it
		PHORGE.update("DELETE FROM `phabricator_conduit`.`conduit_token` WHERE `token` = ?", token);
		assertThat(this.client.call("user.whoami", token, Map.of())).containsEntry("error_info",
				"API token \"" + token + "\" is not valid.");
	}

	/** Inserts a token as Phorge's documented SQL does (the row id comes from the table), as Phorge itself. */
	private static String insertToken(String owner, String token) {
		PHORGE.update("INSERT INTO `phabricator_conduit`.`conduit_token` (`objectPHID`, `tokenType`, `token`, "
				+ "`expires`, `dateCreated`, `dateModified`, `tokenName`) VALUES (?, 'api', ?, NULL, ?, ?, 'test')",
				owner, token, NOW, NOW);
		return token;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> search(String token, Map<String, Object> constraints) {
		List<Map<String, Object>> users = new ArrayList<>();
		Object after = null;
		do {
			Map<String, Object> params = (after != null) ? Map.of("limit", 100, "after", after, "constraints",
					constraints) : Map.of("limit", 100, "constraints", constraints);
			Map<String, Object> result = (Map<String, Object>) this.client.call("user.search", token, params)
				.get("result");
			users.addAll((List<Map<String, Object>>) result.get("data"));
			after = ((Map<String, Object>) result.get("cursor")).get("after");
		}
		while (after != null);
		return users;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fields(Map<String, Object> user) {
		return (Map<String, Object>) user.get("fields");
	}

	/** The numeric columns as longs: MySQL's {@code int unsigned} is a Long in Java, {@code tinyint(1)} is not. */
	private static List<Long> numbers(Map<String, Object> row, String... columns) {
		return Arrays.stream(columns).map((column) -> number(row.get(column))).toList();
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	private static long bit(boolean value) {
		return value ? 1 : 0;
	}

}
