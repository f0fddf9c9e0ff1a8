package dev.idsync.sim.phorge.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.idsync.sim.phorge.PhorgeAuthProvider;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.PhorgeUserTransaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhorgeDatabaseSimServerTests {

	private static final String ANNA = "PHID-USER-aaaaaaaaaaaaaaaaaaaa";

	private static final String BOT = "PHID-USER-bbbbbbbbbbbbbbbbbbbb";

	private static final PhorgeAuthProvider GOOGLE = new PhorgeAuthProvider("PHID-AUTH-gggggggggggggggggggg",
			"PhabricatorGoogleAuthProvider", "google", "google.com", true, true, "[]", 1_700_000_000L);

	static final PhorgeRows ROWS = new PhorgeRows(
			List.of(new PhorgeUser(1, ANNA, "anna", "Anna Berg", false, false, true, false, true, true, true,
					1_700_000_100L, 1_700_000_200L, "file/data/abc/PHID-FILE-ffffffffffffffffffff/profile.png"),
					new PhorgeUser(2, BOT, "ci-bot", "Ci bot", true, false, false, false, true, true, false,
							1_700_000_300L, 1_700_000_300L, "file/data/def/profile.png")),
			List.of(new PhorgeEmail(ANNA, "Anna.Berg@Example.com", true, true),
					new PhorgeEmail(ANNA, "anna@legacy.example.org", false, false),
					new PhorgeEmail(BOT, "ci-bot@example.com", true, true)),
			List.of(new PhorgeToken(BOT, "api", "api-cccccccccccccccccccccccccccc", null, 1_700_000_400L,
					"Standard API Token")),
			List.of(GOOGLE),
			List.of(new PhorgeExternalAccount("PHID-XUSR-xxxxxxxxxxxxxxxxxxxx", ANNA, GOOGLE, "anna.berg", "Anna Berg",
					"anna.berg@example.com", true, 1_700_000_500L,
					List.of("id(104275981234567890123)", "anna.berg@example.com"))));

	private final PhorgeDatabaseSimServer server = new PhorgeDatabaseSimServer(ROWS, 0, true);

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void readerReadsEveryTableOverTcp() throws SQLException {
		try (Connection connection = reader()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			assertThat(jdbc.queryForList("SELECT `id`, `userName`, `isAdmin`, `isEnrolledInMultiFactor`, "
					+ "`defaultProfileImagePHID` FROM `phabricator_user`.`user` ORDER BY `id`"))
				.extracting((row) -> List.of(row.get("id"), row.get("username"), row.get("isadmin"),
						row.get("isenrolledinmultifactor"), String.valueOf(row.get("defaultprofileimagephid"))))
				.containsExactly(List.of(1L, "anna", 1, 1, "PHID-FILE-ffffffffffffffffffff"),
						List.of(2L, "ci-bot", 0, 0, "null"));
			assertThat(jdbc.queryForList("SELECT `address` FROM `phabricator_user`.`user_email` WHERE `userPHID` = ? "
					+ "AND `isVerified` = 0", String.class, ANNA)).containsExactly("anna@legacy.example.org");
			assertThat(jdbc.queryForObject("SELECT `phid` FROM `phabricator_user`.`user_email` WHERE `address` = ?",
					String.class, "anna.berg@example.COM")).matches("PHID-EADR-[a-z2-7]{20}");
			assertThat(jdbc.queryForList("SELECT `token`, `expires` FROM `phabricator_conduit`.`conduit_token`"))
				.extracting((row) -> row.get("token") + " expires " + row.get("expires"))
				.containsExactly("api-cccccccccccccccccccccccccccc expires null");
		}
	}

	@Test
	void readerFindsExternalAccountsAsIdsyncJoinsThem() throws SQLException {
		try (Connection connection = reader()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			List<Map<String, Object>> rows = jdbc.queryForList("SELECT a.`userPHID`, p.`providerType`, "
					+ "p.`providerDomain`, i.`identifierRaw`, i.`identifierHash`, a.`accountID` "
					+ "FROM `phabricator_user`.`user_externalaccount` a "
					+ "JOIN `phabricator_user`.`user_externalaccountidentifier` i "
					+ "ON i.`externalAccountPHID` = a.`phid` "
					+ "JOIN `phabricator_auth`.`auth_providerconfig` p ON p.`phid` = a.`providerConfigPHID` "
					+ "ORDER BY i.`id`");
			assertThat(rows).extracting((row) -> row.get("identifierraw") + " " + row.get("identifierhash"))
				.containsExactly("id(104275981234567890123) mEovodUFZL02",
						"anna.berg@example.com " + PhorgeHash.digestForIndex("anna.berg@example.com"));
			assertThat(rows).allSatisfy((row) -> assertThat(row).containsEntry("userphid", ANNA)
				.containsEntry("providertype", "google")
				.containsEntry("providerdomain", "google.com")
				.containsEntry("accountid", ""));
		}
	}

	@Test
	void readerReadsTransactionsAsPhorgesEditorWroteThem() throws SQLException {
		PhorgeUserTransaction disable = PhorgeUserTransaction.disable("PHID-XACT-USER-dddddddddddddd2", BOT, ANNA, true,
				PhorgeUserTransaction.WEB, 1_700_000_600L);
		PhorgeRows rows = new PhorgeRows(ROWS.users(), ROWS.emails(), ROWS.tokens(), ROWS.providers(),
				ROWS.externalAccounts(), List.of(disable));
		try (PhorgeDatabaseSimServer server = new PhorgeDatabaseSimServer(rows, 0, true);
				Connection connection = DriverManager.getConnection(server.jdbcUrl(), PhorgeDatabaseSimServer.READER,
						server.readerPassword())) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			assertThat(jdbc.queryForList("SELECT * FROM `phabricator_user`.`user_transaction`"))
				.singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("phid", disable.phid())
					.containsEntry("authorPHID", BOT)
					.containsEntry("objectPHID", ANNA)
					.containsEntry("viewPolicy", "public")
					.containsEntry("editPolicy", BOT)
					.containsEntry("commentPHID", null)
					.containsEntry("commentVersion", 0L)
					.containsEntry("transactionType", "user.disable")
					.containsEntry("oldValue", "false")
					.containsEntry("newValue", "true")
					.containsEntry("metadata", "[]")
					.containsEntry("contentSource", "{\"source\":\"web\",\"params\":[]}")
					.containsEntry("dateCreated", 1_700_000_600L)
					.containsEntry("dateModified", 1_700_000_600L));
		}
	}

	@Test
	void readerCannotWrite() throws SQLException {
		try (Connection connection = reader()) {
			for (String sql : List.of(
					"INSERT INTO `phabricator_conduit`.`conduit_token` (`objectPHID`, `tokenType`, `token`, "
							+ "`dateCreated`, `dateModified`, `tokenName`) VALUES ('" + BOT + "', 'api', "
							+ "'api-dddddddddddddddddddddddddddd', 0, 0, 'stolen')",
					"UPDATE `phabricator_user`.`user` SET `isAdmin` = 1",
					"DELETE FROM `phabricator_conduit`.`conduit_token`",
					"CREATE TABLE `phabricator_user`.`extra` (`id` int)")) {
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> connection.createStatement().execute(sql))
					.withMessageContaining("Not enough rights");
			}
		}
	}

	@Test
	void downRefusesConnectionsButPhorgeStillReadsItsTokens() {
		try (PhorgeDatabaseSimServer down = new PhorgeDatabaseSimServer(ROWS, 0, false)) {
			assertThat(down.reachable()).isFalse();
			assertThatExceptionOfType(SQLException.class).isThrownBy(
					() -> DriverManager.getConnection(down.jdbcUrl(), PhorgeDatabaseSimServer.READER,
							down.readerPassword()).close());
			assertThat(new ConduitTokenTable(down.dataSource(), down.prefix()).find(
					"api-cccccccccccccccccccccccccccc")).hasValue(ROWS.tokens().get(0));
		}
	}

	@Test
	void sameRowsGiveTheSameTables() {
		try (PhorgeDatabaseSimServer twin = new PhorgeDatabaseSimServer(ROWS, 0, true)) {
			String sql = "SELECT * FROM `phabricator_user`.`user_email` ORDER BY `id`";
			assertThat(new JdbcTemplate(twin.dataSource()).queryForList(sql))
				.isEqualTo(new JdbcTemplate(this.server.dataSource()).queryForList(sql));
		}
	}

	@Test
	void closeDropsTheDatabase() {
		String url = this.server.jdbcUrl();
		this.server.close();
		assertThatExceptionOfType(SQLException.class).isThrownBy(
				() -> DriverManager.getConnection(url, PhorgeDatabaseSimServer.READER, this.server.readerPassword())
					.close());
	}

	private Connection reader() throws SQLException {
		return DriverManager.getConnection(this.server.jdbcUrl(), PhorgeDatabaseSimServer.READER,
				this.server.readerPassword());
	}

}
