package dev.idsync.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yaml.snakeyaml.Yaml;

import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatorTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(5, 400);

	@TempDir
	Path dir;

	@Test
	void writeConfigPointsIdsyncAtPhorgesDatabaseAsAReadOnlyUser() throws IOException, SQLException {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// when
			Path config = this.dir.resolve("sim.yml");
			simulator.writeConfig(config);
			// then
			Map<String, Object> database = database(config);
			assertThat(database).containsOnlyKeys("url", "username", "password-file", "prefix")
				.containsEntry("url", simulator.phorgeDatabase().jdbcUrl())
				.containsEntry("username", "idsync")
				.containsEntry("prefix", "phabricator_")
				.containsEntry("password-file", this.dir.resolve("sim.phorge-db-password").toString());
			assertThat((String) database.get("url")).matches(
					"jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/mem:phorge-[a-z2-7]{16};MODE=MySQL;DATABASE_TO_LOWER=TRUE");
			Path passwordFile = Path.of((String) database.get("password-file"));
			assertThat(Files.getPosixFilePermissions(passwordFile))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			String password = Files.readString(passwordFile).strip();
			assertThat(Files.readString(config)).doesNotContain(password);
			try (Connection connection = DriverManager.getConnection((String) database.get("url"), "idsync",
					password)) {
				assertThat(count(connection, "SELECT COUNT(*) FROM `phabricator_user`.`user`"))
					.isEqualTo(ORG.phorgeUsers().size());
				assertThat(count(connection, "SELECT COUNT(*) FROM `phabricator_user`.`user_email`"))
					.isEqualTo(ORG.phorgeEmails().size());
				assertThat(count(connection, "SELECT COUNT(*) FROM `phabricator_conduit`.`conduit_token`"))
					.isEqualTo(ORG.phorgeTokens().size());
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> connection.createStatement()
						.execute("UPDATE `phabricator_conduit`.`conduit_token` SET `expires` = 0"))
					.withMessageContaining("Not enough rights");
			}
		}
	}

	@Test
	void writeConfigForConduitOnlyLeavesTheDatabaseOut() throws IOException {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			Path config = this.dir.resolve("sim.yml");
			simulator.writeConfig(config, PhorgeAccess.CONDUIT);
			assertThat(phorge(config)).containsOnlyKeys("url", "token-file");
			assertThat(this.dir.resolve("sim.phorge-db-password")).doesNotExist();
		}
	}

	@Test
	void faultPhorgeDbDownKeepsIdsyncOutWhileConduitStillAuthenticates() throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC(),
				new Faults(List.of(Fault.parse("phorge-db:down"))), 600)) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(simulator.phorgeDatabase().jdbcUrl(), "idsync",
						simulator.phorgeDatabase().readerPassword()));
			HttpResponse<String> whoami = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(simulator.conduitUrl() + "/api/user.whoami"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("api.token=" + ORG.conduitToken()))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(whoami.body()).contains("\"userName\":\"idsync-bot\"").contains("\"error_code\":null");
		}
	}

	@Test
	void externalAccountsIdentifyEachPersonAsTheIdentityProvidersDo() {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			JdbcTemplate reader = new JdbcTemplate(new DriverManagerDataSource(simulator.phorgeDatabase().jdbcUrl(),
					"idsync", simulator.phorgeDatabase().readerPassword()));
			Map<String, GoogleSimUser> google = ORG.googleUsers().stream()
				.collect(Collectors.toMap(GoogleSimUser::primaryEmail, Function.identity()));
			Map<String, OktaSimUser> okta = ORG.oktaUsers().stream()
				.collect(Collectors.toMap(OktaSimUser::email, Function.identity()));
			List<Map<String, Object>> accounts = reader.queryForList("SELECT a.`phid`, a.`userPHID`, a.`email`, "
					+ "p.`providerType`, GROUP_CONCAT(i.`identifierRaw` ORDER BY i.`id` SEPARATOR ' ') AS `ids` "
					+ "FROM `phabricator_user`.`user_externalaccount` a "
					+ "JOIN `phabricator_auth`.`auth_providerconfig` p ON p.`phid` = a.`providerConfigPHID` "
					+ "JOIN `phabricator_user`.`user_externalaccountidentifier` i "
					+ "ON i.`externalAccountPHID` = a.`phid` "
					+ "GROUP BY a.`phid`, a.`userPHID`, a.`email`, p.`providerType`");
			assertThat(accounts).hasSize(ORG.phorgeExternalAccounts().size());
			for (Map<String, Object> account : accounts.stream().filter((a) -> a.get("userPHID") != null).toList()) {
				String email = (String) account.get("email");
				String expected = account.get("providerType").equals("google")
						? "id(" + google.get(email).id() + ") " + email
						: okta.get(email).login().substring(0, okta.get(email).login().indexOf('@'));
				assertThat(account.get("ids")).as("identifiers of %s", account.get("phid")).isEqualTo(expected);
			}
			assertThat(accounts).filteredOn((a) -> a.get("userPHID") == null).singleElement()
				.satisfies((unlinked) -> assertThat((String) unlinked.get("ids")).matches("id\\(\\d{21}\\) \\S+@\\S+"));
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		var result = connection.createStatement().executeQuery(sql);
		result.next();
		return result.getLong(1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> phorge(Path config) throws IOException {
		Map<String, Object> yaml = new Yaml().load(Files.readString(config));
		return (Map<String, Object>) ((Map<String, Object>) yaml.get("idsync")).get("phorge");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> database(Path config) throws IOException {
		return (Map<String, Object>) phorge(config).get("database");
	}

}
