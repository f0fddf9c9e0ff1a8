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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.ReconcileProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.AccountDisable;
import dev.idsync.source.PagedSources;
import dev.idsync.source.PhorgeDatabase;
import dev.idsync.source.phorge.PhorgeDatabases;

import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;

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
			assertThat(database).containsOnlyKeys("url", "username", "password-file", "prefix", "token-writer")
				.containsEntry("token-writer", Map.of("username", "idsync_tokens", "password-file",
						this.dir.resolve("sim.phorge-token-writer-password").toString()))
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

	@Test
	void writeConfigWritesTheReconcileSettingsTheTruthAssumesAndIdsyncLoadsThem() throws IOException {
		Instant start = Instant.parse("2027-03-04T05:06:07Z");
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), new MutableClock(start))) {
			// when
			Path config = this.dir.resolve("sim.yml");
			simulator.writeConfig(config, PhorgeAccess.CONDUIT);
			// then
			IdsyncProperties properties = ConfigLoader.load(config);
			assertThat(properties.okta().adminGroups()).containsExactly(SyntheticOrg.OKTA_ADMIN_GROUP);
			ReconcileProperties reconcile = properties.reconcile();
			assertThat(reconcile.aliases()).containsExactly(Map.entry("corp.example.com", "example.com"));
			assertThat(reconcile.protectedAccounts()).containsExactly("breakglass-admin");
			assertThat(reconcile.mappingsFile()).isEqualTo(this.dir.resolve("sim.mappings.csv")).isAbsolute();
			assertThat(reconcile.exemptionsFile()).isEqualTo(this.dir.resolve("sim.exemptions.csv")).isAbsolute();
			ReconcileSettings.Mapping mapping = ORG.reconcile().mappings().get(0);
			assertThat(Files.readAllLines(reconcile.mappingsFile())).containsExactly("username,identity,added_by,reason",
					mapping.username() + "," + mapping.identity() + "," + mapping.addedBy() + "," + mapping.reason());
			List<String> exemptions = Files.readAllLines(reconcile.exemptionsFile());
			assertThat(exemptions).hasSize(3).first().isEqualTo("username,owner,reason,expires");
			assertThat(exemptions.subList(1, 3)).extracting((line) -> line.substring(line.lastIndexOf(',') + 1))
				.containsExactlyInAnyOrder("2028-03-03", "2027-02-02");
			assertThat(properties.reconcile().tokenMaxAge()).isEqualTo(Duration.ofDays(365));
		}
	}

	@Test
	void writeTruthWritesTheFindingsOfTheWayTheConfigurationReadsPhorge() throws IOException {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			for (PhorgeAccess access : PhorgeAccess.values()) {
				Path truth = this.dir.resolve(access + ".json");
				simulator.writeTruth(truth, access);
				JsonNode written = JsonMapper.builder().build().readTree(truth.toFile());
				assertThat(written.path("access").asString()).isEqualTo(access.name());
				assertThat(written.path("findings").size()).isEqualTo(ORG.truth(access).size());
			}
			assertThat(simulator.plantedCounts(PhorgeAccess.CONDUIT)).doesNotContainKey("TOKEN_STALE");
			assertThat(simulator.plantedCounts(PhorgeAccess.CONDUIT_AND_DATABASE)).containsKey("TOKEN_STALE");
		}
	}

	@Test
	void tokensAreAsOldAsPlantedWhenTheSimulatorStartsWhateverTheDay() throws SQLException {
		Instant start = Instant.parse("2031-06-01T00:00:00Z");
		long now = start.getEpochSecond();
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), new MutableClock(start));
				Connection connection = reader(simulator)) {
			Map<String, long[]> tokens = new HashMap<>();
			var rows = connection.createStatement().executeQuery("SELECT `t`.`token`, `t`.`dateCreated`, "
					+ "`t`.`expires` FROM `phabricator_conduit`.`conduit_token` `t`");
			while (rows.next()) {
				long expires = rows.getLong(3);
				long terminated = rows.wasNull() ? -1 : expires;
				tokens.put(rows.getString(1), new long[] { rows.getLong(2), terminated });
			}
			long day = 86_400;
			assertThat(tokens).hasSize(ORG.phorgeTokens().size());
			assertThat(now - tokens.get(ORG.conduitToken())[0]).isBetween(0L, 31 * day);
			assertThat(tokens.values()).filteredOn((t) -> t[1] == -1)
				.allSatisfy((t) -> assertThat(now - t[0]).satisfiesAnyOf((age) -> assertThat(age).isBetween(0L, 200 * day),
						(age) -> assertThat(age).isGreaterThanOrEqualTo(500 * day)));
			assertThat(tokens.values()).filteredOn((t) -> t[1] != -1)
				.hasSize(2)
				.allSatisfy((t) -> assertThat(t[1]).isLessThan(now).isGreaterThan(t[0]));
			HttpResponse<String> whoami = post(simulator.conduitUrl() + "/api/user.whoami",
					"api.token=" + ORG.conduitToken());
			assertThat(whoami.body()).contains("\"userName\":\"idsync-bot\"");
		}
	}

	@Test
	void massDepartureLeavesAsTheSimulatorStartsWhateverTheDay() throws Exception {
		SyntheticOrg org = OrgGenerator.generate(5, 400, Scenario.parse("mass-departure"));
		Instant start = Instant.parse("2031-06-01T00:00:00Z");
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), new MutableClock(start))) {
			JsonNode suspended = JsonMapper.builder().build().readTree(get(simulator.oktaUrl()
					+ "/api/v1/users?limit=200&filter=status%20eq%20%22SUSPENDED%22", org.oktaToken()));
			Map<Boolean, List<Instant>> changed = new HashMap<>();
			suspended.forEach((user) -> changed
				.computeIfAbsent(org.departures().contains(user.path("id").asString()), (departed) -> new ArrayList<>())
				.add(Instant.parse(user.path("statusChanged").asString())));
			assertThat(changed.get(true)).hasSize(org.departures().size()).containsOnly(start);
			// the planted leavers left long before
			assertThat(changed.get(false)).isNotEmpty()
				.allSatisfy((at) -> assertThat(at).isBefore(Instant.ofEpochSecond(OrgGenerator.EPOCH - 30 * 86_400L)));
		}
	}

	@Test
	void idsyncReadsWhoDisabledEachAccountAsPlanted() throws IOException {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			Path config = this.dir.resolve("sim.yml");
			simulator.writeConfig(config);
			PhorgeDatabaseProperties database = ConfigLoader.load(config).phorge().database();
			try (PhorgeDatabase phorge = PhorgeDatabases.open(database,
					Secret.of(Files.readString(database.passwordFile()).strip()))) {
				assertThat(phorge.checkAccess()).allMatch(PhorgeDatabase.TableAccess::readable)
					.extracting(PhorgeDatabase.TableAccess::table)
					.contains("phabricator_user.user_transaction");
				assertThat(PagedSources.readAll(phorge.disables())).containsExactlyElementsOf(ORG.phorgeTransactions()
					.stream()
					.map((t) -> new AccountDisable(t.objectPhid(), t.authorPhid(), true, t.dateCreated()))
					.toList());
			}
		}
	}

	@Test
	void oktaServesTheAdminGroupWithEveryPlantedAdminButOne() throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			String groups = get(simulator.oktaUrl() + "/api/v1/groups?q=" + SyntheticOrg.OKTA_ADMIN_GROUP);
			JsonNode group = JsonMapper.builder().build().readTree(groups).get(0);
			assertThat(group.path("profile").path("name").asString()).isEqualTo(SyntheticOrg.OKTA_ADMIN_GROUP);
			JsonNode members = JsonMapper.builder().build()
				.readTree(get(simulator.oktaUrl() + "/api/v1/groups/" + group.path("id").asString() + "/users"));
			assertThat(members.size()).isEqualTo(2);
		}
	}

	@Test
	void conduitFindsAnAccountByItsAliasDomainAddressInAnyCase() throws Exception {
		PhorgeEmail aliased = ORG.phorgeEmails().stream().filter((e) -> e.address().endsWith("@corp.example.com"))
			.findFirst().orElseThrow();
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			String address = aliased.address().replace("@corp.example.com", "@Corp.Example.COM");
			HttpResponse<String> query = post(simulator.conduitUrl() + "/api/user.query",
					"api.token=" + ORG.conduitToken() + "&emails[0]=" + address);
			assertThat(query.body()).contains("\"phid\":\"" + aliased.userPhid() + "\"")
				.contains("\"error_code\":null");
		}
	}

	private static HttpResponse<String> post(String url, String form) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String get(String url) throws IOException, InterruptedException {
		return get(url, ORG.oktaToken());
	}

	private static String get(String url, String oktaToken) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "SSWS " + oktaToken).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static Connection reader(Simulator simulator) throws SQLException {
		return DriverManager.getConnection(simulator.phorgeDatabase().jdbcUrl(), "idsync",
				simulator.phorgeDatabase().readerPassword());
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
