package dev.idsync.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code idsync doctor} against the simulator: everything passes as the simulator configures it, and each broken
 * credential or permission fails its own check with a fix, without a secret in sight.
 */
class DoctorTests {

	private static SyntheticOrg org;

	private static Simulator simulator;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		org = OrgGenerator.generate(7, 300);
		simulator = Simulator.start(org, SimPorts.ephemeral(), Clock.systemUTC());
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void examineWhenEverythingIsConfiguredRightPassesEveryCheck() throws IOException {
		// when
		List<Check> checks = Doctor.examine(config(""), Map.of());

		// then
		assertThat(checks).extracting(Check::name).containsExactly("okta: read users", "okta: read entitlement",
				"google: read users", "google: read group members", "conduit: token", "conduit: bot account",
				"conduit: Can Disable Users", "phorge-db: connect", "phorge-db: read phabricator_user.user",
				"phorge-db: read phabricator_user.user_email", "phorge-db: read phabricator_user.user_externalaccount",
				"phorge-db: read phabricator_user.user_externalaccountidentifier",
				"phorge-db: read phabricator_auth.auth_providerconfig",
				"phorge-db: read phabricator_conduit.conduit_token", "phorge-db: read phabricator_user.user_transaction",
				"phorge-db: token writer idsync_tokens", "store: connect", "store: schema");
		assertThat(checks).allSatisfy((check) -> {
			assertThat(check.passed()).as(check.name() + ": " + check.detail()).isTrue();
			assertThat(check.fix()).isNull();
		});
		assertThat(check(checks, "conduit: token").detail()).contains("user.whoami says @");
		assertThat(check(checks, "store: schema").detail()).contains("empty: the first run creates idsync's tables");
	}

	@Test
	void examineWhenTheBotLacksCanDisableUsersFailsThatCheckWithTheFix() throws IOException {
		// given: the token of another bot, which the simulator's Phorge does not let disable users
		Set<String> bots = org.phorgeUsers().stream().filter(PhorgeUser::bot).map(PhorgeUser::phid)
			.collect(Collectors.toSet());
		PhorgeToken other = org.phorgeTokens().stream()
			.filter((token) -> bots.contains(token.objectPhid()) && !token.token().equals(org.conduitToken()))
			.findFirst().orElseThrow();
		IdsyncProperties properties = config("");
		Files.writeString(properties.phorge().tokenFile(), other.token());

		// when
		List<Check> checks = Doctor.examine(properties, Map.of());

		// then
		assertThat(check(checks, "conduit: token").passed()).isTrue();
		Check capability = check(checks, "conduit: Can Disable Users");
		assertThat(capability.passed()).isFalse();
		assertThat(capability.detail()).contains("not held");
		assertThat(capability.fix()).contains("Applications > People > Configure > Can Disable Users");
	}

	@Test
	void examineWhenTheTokenIsWrongSaysHowToMakeOneAndNeverShowsIt() throws IOException {
		// given
		String wrong = "api-" + "abcdefghijklmnopqrstuvwxyz23";
		IdsyncProperties properties = config("");
		Files.writeString(properties.phorge().tokenFile(), wrong);

		// when
		List<Check> checks = Doctor.examine(properties, Map.of());

		// then
		Check token = check(checks, "conduit: token");
		assertThat(token.passed()).isFalse();
		assertThat(token.detail()).contains("ERR-INVALID-AUTH").doesNotContain(wrong);
		assertThat(token.fix()).contains("Conduit API Tokens");
		assertThat(checks).extracting(Check::name).doesNotContain("conduit: Can Disable Users");
	}

	@Test
	void examineWhenCredentialsAreMissingOrStoreUnreachableFailsEachWithTheProperty() throws IOException {
		// given
		IdsyncProperties properties = config("  store:\n    url: jdbc:postgresql://127.0.0.1:1/idsync\n");
		Files.delete(properties.okta().privateKeyFile());

		// when
		List<Check> checks = Doctor.examine(properties, Map.of());

		// then
		Check okta = check(checks, "okta: credential");
		assertThat(okta.passed()).isFalse();
		assertThat(okta.fix()).contains("idsync.okta.private-key-file");
		Check store = check(checks, "store: connect");
		assertThat(store.passed()).isFalse();
		assertThat(store.fix()).contains("idsync.store.url");
		assertThat(check(checks, "google: read users").passed()).isTrue();
	}

	@Test
	void examineWhenTheDatabaseUserMayNotReadTokensFailsExactlyThatTableWithTheGrant() throws IOException {
		// given: Phorge's DBA left the conduit database out of idsync's grants
		JdbcTemplate phorge = new JdbcTemplate(simulator.phorgeDatabase().dataSource());
		phorge.execute("REVOKE SELECT ON SCHEMA `phabricator_conduit` FROM `idsync`");
		try {
			// when
			List<Check> checks = Doctor.examine(config(""), Map.of());

			// then
			assertThat(checks).filteredOn((check) -> !check.passed()).singleElement().satisfies((check) -> {
				assertThat(check.name()).isEqualTo("phorge-db: read phabricator_conduit.conduit_token");
				assertThat(check.fix()).startsWith("GRANT SELECT ON phabricator_conduit.* TO 'idsync'@'%';");
			});
		}
		finally {
			phorge.execute("GRANT SELECT ON SCHEMA `phabricator_conduit` TO `idsync`");
		}
	}

	@Test
	void examineWhenTheDatabasePasswordIsWrongFailsTheConnectionWithoutShowingIt() throws IOException {
		// given
		IdsyncProperties properties = config("");
		String wrong = "not-the-password-4711";
		Files.writeString(properties.phorge().database().passwordFile(), wrong);

		// when
		List<Check> checks = Doctor.examine(properties, Map.of());

		// then
		Check connect = check(checks, "phorge-db: connect");
		assertThat(connect.passed()).isFalse();
		assertThat(connect.detail()).doesNotContain(wrong).doesNotContain(simulator.phorgeDatabase().readerPassword());
		assertThat(connect.fix()).contains("idsync.phorge.database.password-file");
		assertThat(checks).extracting(Check::name).noneMatch((name) -> name.startsWith("phorge-db: read"));
	}

	private IdsyncProperties config(String extra) throws IOException {
		Path config = this.dir.resolve("sim.yml");
		simulator.writeConfig(config);
		Files.writeString(config, extra.isEmpty()
				? "  store:\n    url: jdbc:h2:file:" + this.dir.resolve("idsync") + "\n" : extra,
				StandardOpenOption.APPEND);
		return ConfigLoader.load(config);
	}

	private static Check check(List<Check> checks, String name) {
		return checks.stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

}
