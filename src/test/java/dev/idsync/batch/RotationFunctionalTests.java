package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.Secret;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.source.phorge.ConduitException;
import dev.idsync.store.IdsyncStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bot token rotation against the simulator, whose Conduit authenticates from the same {@code conduit_token} table
 * idsync writes: the new token works, the old one is refused, both sinks hold the new one; and after a real process
 * death at every phase, the next run ends with exactly one live, delivered token.
 */
class RotationFunctionalTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(13, 300);

	@TempDir
	Path dir;

	@Test
	void rotateCreatesVerifiesDeliversThenTerminatesTheOldToken() throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			// given a bot whose only token, two years old, is in two files
			Bot bot = bot(simulator);
			JobSettings settings = settings(simulator, bot);

			// when
			RunResult result = NightlySync.rotate(settings, "rotate-1", null, false);

			// then
			assertThat(result.failure()).isNull();
			assertThat(result.rotations()).filteredOn((line) -> line.startsWith(bot.username() + ":")).singleElement()
				.asString().contains(bot.username() + ": DONE: rotated");
			assertThat(result.rotations().get(0)).startsWith("idsync's own Conduit token (@idsync-bot): 1 live API token");
			String delivered = Files.readString(bot.sinkA()).trim();
			assertThat(Files.readString(bot.sinkB()).trim()).isEqualTo(delivered);
			assertThat(delivered).matches("api-[a-z2-7]{28}").isNotEqualTo(bot.oldToken());
			assertThat(Files.getPosixFilePermissions(bot.sinkA())).containsExactlyInAnyOrder(
					PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			assertThat(Conduit.ownerOf(settings.properties().phorge(), Secret.of(delivered))).isEqualTo(bot.phid());
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> Conduit.ownerOf(settings.properties().phorge(), Secret.of(bot.oldToken())))
				.withMessageContaining("was previously valid, but has expired")
				.withMessageNotContaining(bot.oldToken());
			assertThat(liveTokens(simulator, bot.phid())).isEqualTo(1);
			assertThat(tokenName(simulator, bot.phid())).startsWith("idsync 20");
			assertNoSecretIn(bot, delivered, result.rotations().toString());

			// and a second rotation right away has nothing to do
			assertThat(NightlySync.rotate(settings, "rotate-2", bot.username(), false).rotations())
				.filteredOn((line) -> line.startsWith(bot.username() + ":")).singleElement().asString()
				.contains("not due");
		}
	}

	@ParameterizedTest(name = "halted after {0}")
	@ValueSource(strings = { "CREATING:0", "CREATED:0", "DELIVERING:0", "DELIVERING:1", "DELIVERED:2", "DONE:2" })
	void processKilledAtAnyPhaseThenTheNextRunLeavesExactlyOneLiveDeliveredToken(String phase) throws Exception {
		try (Simulator simulator = Simulator.start(ORG, SimPorts.ephemeral(), Clock.systemUTC())) {
			Bot bot = bot(simulator);
			JobSettings settings = settings(simulator, bot);
			// when idsync rotate dies in its own JVM the moment that phase is journalled (Runtime.halt, as kill -9)
			Process child = ChildIdsync.start(this.dir.resolve("child.log"),
					List.of("-D" + RotationJobConfiguration.HALT_AFTER + "=" + phase), "rotate", "--config",
					bot.config().toString());
			assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(child.exitValue()).as(ChildIdsync.output(this.dir.resolve("child.log"))).isEqualTo(137);
			// at every moment at least one valid token is delivered
			String inA = Files.readString(bot.sinkA()).trim();
			assertThat(Conduit.ownerOf(settings.properties().phorge(), Secret.of(inA))).isEqualTo(bot.phid());

			// and when the next run comes
			RunResult next = NightlySync.rotate(settings, "rotate-after-" + phase.replace(':', '-'), bot.username(), false);

			// then exactly one live token, delivered to both sinks, accepted by Conduit
			assertThat(next.failure()).isNull();
			String delivered = Files.readString(bot.sinkA()).trim();
			assertThat(Files.readString(bot.sinkB()).trim()).isEqualTo(delivered);
			assertThat(Conduit.ownerOf(settings.properties().phorge(), Secret.of(delivered))).isEqualTo(bot.phid());
			assertThat(liveTokens(simulator, bot.phid())).as(next.rotations().toString()).isEqualTo(1);
			assertNoSecretIn(bot, delivered, Files.readString(this.dir.resolve("child.log"))
					+ next.rotations());
		}
	}

	/** A bot of the organisation with one old token, delivered to two files, and a configuration that rotates it. */
	private Bot bot(Simulator simulator) throws Exception {
		JdbcTemplate phorge = new JdbcTemplate(simulator.phorgeDatabase().dataSource());
		String phid = phorge.queryForObject("SELECT `phid` FROM `phabricator_user`.`user` WHERE `isSystemAgent` = 1 "
				+ "ORDER BY `id` FETCH FIRST 1 ROWS ONLY", String.class);
		String username = phorge.queryForObject("SELECT `userName` FROM `phabricator_user`.`user` WHERE `phid` = ?",
				String.class, phid);
		phorge.update("UPDATE `phabricator_conduit`.`conduit_token` SET `expires` = 1 WHERE `objectPHID` = ?", phid);
		String old = "api-" + "abcdefghijklmnopqrstuvwxyz23";
		long twoYearsAgo = simulator.started().getEpochSecond() - 2 * 365 * 86_400L;
		phorge.update("INSERT INTO `phabricator_conduit`.`conduit_token` (`objectPHID`, `tokenType`, `token`, "
				+ "`expires`, `dateCreated`, `dateModified`, `tokenName`) VALUES (?, 'api', ?, NULL, ?, ?, 'CI')", phid,
				old, twoYearsAgo, twoYearsAgo);
		Path sinkA = this.dir.resolve("sink-a");
		Path sinkB = this.dir.resolve("sink-b");
		Files.writeString(sinkA, old + "\n");
		Files.writeString(sinkB, old + "\n");
		Path config = this.dir.resolve("idsync.yml");
		simulator.writeConfig(config);
		String yaml = Files.readString(config).replace("  bots:\n", "  bots:\n    - username: " + username + "\n"
				+ "      owner: " + ORG.botOwners().values().iterator().next() + "\n      max-token-age: 365d\n"
				+ "      overlap: 0s\n      sinks:\n        - {type: file, path: " + sinkA + "}\n"
				+ "        - {type: file, path: " + sinkB + "}\n");
		Files.writeString(config, yaml + "  store:\n    url: jdbc:h2:file:" + this.dir.resolve("idsync")
				+ ";FILE_LOCK=FS\n");
		return new Bot(username, phid, old, sinkA, sinkB, config);
	}

	private static JobSettings settings(Simulator simulator, Bot bot) {
		IdsyncProperties properties = ConfigLoader.load(bot.config());
		return new JobSettings(properties, Credentials.resolve(properties, Map.of()), Clock.systemUTC());
	}

	private static int liveTokens(Simulator simulator, String phid) {
		Integer live = new JdbcTemplate(simulator.phorgeDatabase().dataSource()).queryForObject("SELECT COUNT(*) FROM "
				+ "`phabricator_conduit`.`conduit_token` WHERE `objectPHID` = ? AND (`expires` IS NULL OR `expires` > ?)",
				Integer.class, phid, System.currentTimeMillis() / 1000);
		return (live != null) ? live : -1;
	}

	private static String tokenName(Simulator simulator, String phid) {
		return new JdbcTemplate(simulator.phorgeDatabase().dataSource()).queryForObject("SELECT `tokenName` FROM "
				+ "`phabricator_conduit`.`conduit_token` WHERE `objectPHID` = ? AND `expires` IS NULL", String.class,
				phid);
	}

	/** Neither token's value is in the output, nor anywhere in idsync's store. */
	private void assertNoSecretIn(Bot bot, String delivered, String output) {
		assertThat(output).doesNotContain(delivered).doesNotContain(bot.oldToken());
		try (IdsyncStore store = IdsyncStore.open("jdbc:h2:file:" + this.dir.resolve("idsync") + ";FILE_LOCK=FS", "sa",
				"")) {
			JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
			List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE "
					+ "TABLE_SCHEMA = 'PUBLIC'", String.class);
			for (String table : tables) {
				String rows = jdbc.queryForList("SELECT * FROM \"" + table + "\"").toString();
				assertThat(rows).as(table).doesNotContain(delivered).doesNotContain(bot.oldToken());
			}
		}
	}

	private record Bot(String username, String phid, String oldToken, Path sinkA, Path sinkB, Path config) {
	}

}
