package dev.idsync.source.phorge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.config.TokenWriterProperties;
import dev.idsync.rotate.BotRotation;
import dev.idsync.rotate.Rotation;
import dev.idsync.rotate.RotationJournal;
import dev.idsync.rotate.RotationPhase;
import dev.idsync.rotate.Rotator;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.phorge.ConduitSimServer;
import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.db.DatabasePhorgeDirectory;
import dev.idsync.sim.phorge.db.PhorgeRows;
import dev.idsync.sim.phorge.db.PhorgeSchema;
import dev.idsync.sim.phorge.db.SqlDialect;
import dev.idsync.source.sink.FileSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rotation and revocation end to end on a real MariaDB holding Phorge's schema: idsync writes {@code conduit_token}
 * as a user with exactly the README's narrow grant, which {@code idsync doctor}'s probe must accept too, and the
 * simulator's Conduit authenticates from that same table, so "the new token works and the old one is refused" is
 * Phorge's own answer. Runs when {@code IDSYNC_TEST_MARIADB_URL} is set.
 */
@EnabledIfEnvironmentVariable(named = "IDSYNC_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "IDSYNC_TEST_MARIADB_URL is not set")
class RotationMariadbTests {

	private static final String URL = System.getenv("IDSYNC_TEST_MARIADB_URL");

	private final String prefix = "idsync_r" + Long.toHexString(System.nanoTime()) + "_";

	private final String writer = "idsync_w" + Long.toHexString(System.nanoTime());

	private final String password = "pw-" + UUID.randomUUID();

	private final JdbcTemplate root = new JdbcTemplate(new DriverManagerDataSource(URL));

	@TempDir
	Path dir;

	@AfterEach
	void drop() {
		for (String application : List.of("user", "auth", "conduit")) {
			this.root.execute("DROP DATABASE IF EXISTS `" + this.prefix + application + "`");
		}
		this.root.execute("DROP USER IF EXISTS '" + this.writer + "'@'%'");
	}

	@Test
	void rotateOnMariadbTheNewTokenWorksTheOldIsRefusedWithTheNarrowGrant() throws Exception {
		// given Phorge's schema and an organisation in MariaDB, and Conduit serving from it
		SyntheticOrg org = OrgGenerator.generate(21, 120);
		Instant now = Instant.now();
		List<PhorgeToken> tokens = org.phorgeTokensAt(now);
		PhorgeSchema.create(this.root.getDataSource(), this.prefix, SqlDialect.MARIADB);
		new PhorgeRows(org.phorgeUsers(), org.phorgeEmails(), tokens, org.phorgeAuthProviders(),
				org.phorgeExternalAccounts(), org.phorgeTransactions()).insertInto(this.root.getDataSource(), this.prefix);
		String bot = this.root.queryForObject("SELECT `phid` FROM `" + this.prefix + "user`.`user` WHERE "
				+ "`isSystemAgent` = 1 ORDER BY `id` LIMIT 1", String.class);
		String old = "api-" + "qrstuvwxyz234567abcdefghijkl";
		long longAgo = now.getEpochSecond() - 800 * 86_400L;
		this.root.update("INSERT INTO `" + this.prefix + "conduit`.`conduit_token` (`objectPHID`, `tokenType`, "
				+ "`token`, `expires`, `dateCreated`, `dateModified`, `tokenName`) VALUES (?, 'api', ?, NULL, ?, ?, "
				+ "'CI')", bot, old, longAgo, longAgo);
		createWriterWithTheReadmeGrant();
		try (ConduitSimServer conduit = new ConduitSimServer(new DatabasePhorgeDirectory(new InMemoryPhorgeDirectory(
				org.phorgeUsers(), org.phorgeEmails(), tokens, org.disablers()), this.root.getDataSource(), this.prefix),
				Clock.systemUTC(), 0, null);
				JdbcBotTokens writer = writer()) {
			PhorgeProperties phorge = new PhorgeProperties(conduit.baseUrl(), null, "UNSET", 4, Duration.ofSeconds(5),
					new RetryProperties(2, Duration.ofMillis(10), Duration.ofMillis(50)), null);
			Path sink = Files.writeString(this.dir.resolve("token"), old + "\n");
			Rotator rotator = new Rotator(writer, (token) -> Conduit.ownerOf(phorge, Secret.of(token.reveal())),
					new InMemoryJournal(), Clock.systemUTC(), Rotator.PhaseHook.NONE);

			// when idsync doctor probes the writer, then the bot's token is rotated
			String refusal = writer.probe();
			Rotator.Outcome outcome = rotator.rotate(new BotRotation("ci-bot", bot, Duration.ofDays(365),
					Duration.ZERO, List.of(new FileSink(sink))), false);

			// then
			assertThat(refusal).isNull();
			assertThat(outcome.phase()).as(outcome.message()).isEqualTo(RotationPhase.DONE);
			String delivered = Files.readString(sink).trim();
			assertThat(Conduit.ownerOf(phorge, Secret.of(delivered))).isEqualTo(bot);
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> Conduit.ownerOf(phorge, Secret.of(old)))
				.withMessageContaining("was previously valid, but has expired");
			assertThat(writer.live(bot, Instant.now())).singleElement()
				.satisfies((token) -> assertThat(token.name()).startsWith("idsync "));
			// the writer cannot read a token's value: the grant leaves the column out
			assertThatExceptionOfType(org.springframework.dao.DataAccessException.class).isThrownBy(() ->
				new JdbcTemplate(new DriverManagerDataSource(server(), this.writer, this.password)).queryForList(
						"SELECT `token` FROM `" + this.prefix + "conduit`.`conduit_token`"))
				.satisfies((refused) -> assertThat(refused.getMostSpecificCause().getMessage()).contains("denied"));
		}
	}

	@Test
	void revokeOnMariadbTerminatesEveryLiveTokenOfTheAccountWithTheReadmeGrant() {
		// given a leaver with two live tokens and one terminated long ago, someone else's live token, and the writer
		PhorgeSchema.create(this.root.getDataSource(), this.prefix, SqlDialect.MARIADB);
		long now = Instant.now().getEpochSecond();
		insertToken("PHID-USER-leaver", "a", null, now - 86_400);
		insertToken("PHID-USER-leaver", "b", now + 86_400, now - 86_400);
		insertToken("PHID-USER-leaver", "c", now - 86_400, now - 86_400);
		insertToken("PHID-USER-stays", "d", null, now - 86_400);
		createWriterWithTheReadmeGrant();
		try (JdbcBotTokens writer = writer()) {
			// when idsync doctor probes the writer, then the leaver's tokens are revoked
			String refusal = writer.probe();
			int terminated = writer.terminateAll("PHID-USER-leaver", Instant.ofEpochSecond(now));

			// then
			assertThat(refusal).isNull();
			assertThat(terminated).isEqualTo(2);
			assertThat(writer.live("PHID-USER-leaver", Instant.ofEpochSecond(now))).isEmpty();
			assertThat(writer.live("PHID-USER-stays", Instant.ofEpochSecond(now))).singleElement()
				.satisfies((token) -> assertThat(token.name()).isEqualTo("d"));
			assertThat(this.root.queryForList("SELECT `tokenName`, `expires`, `dateModified` FROM `" + this.prefix
					+ "conduit`.`conduit_token` WHERE `dateModified` = ? ORDER BY `tokenName`", now))
				.extracting((row) -> row.get("tokenName") + " " + row.get("expires"))
				.containsExactly("a " + (now - 60), "b " + (now - 60));
		}
	}

	/** Creates the token writer with exactly the grant the README documents for it. */
	private void createWriterWithTheReadmeGrant() {
		this.root.execute("CREATE USER '" + this.writer + "'@'%' IDENTIFIED BY '" + this.password + "'");
		ReadmeGrants.tokenWriter(this.prefix, this.writer).forEach(this.root::execute);
	}

	private JdbcBotTokens writer() {
		return new JdbcBotTokens(new PhorgeDatabaseProperties(server(), "unused", null, "UNSET", this.prefix, 1,
				Duration.ofSeconds(10), new TokenWriterProperties(this.writer, null, "UNSET")),
				Secret.of(this.password));
	}

	private void insertToken(String owner, String name, Long expires, long created) {
		this.root.update("INSERT INTO `" + this.prefix + "conduit`.`conduit_token` (`objectPHID`, `tokenType`, "
				+ "`token`, `expires`, `dateCreated`, `dateModified`, `tokenName`) VALUES (?, 'api', ?, ?, ?, ?, ?)",
				owner, "api-" + name + UUID.randomUUID().toString().replace("-", "").substring(0, 27), expires,
				created, created, name);
	}

	/** The server of the test URL, without its database and parameters. */
	private static String server() {
		return URL.replaceAll("^(jdbc:mariadb://[^/]+/).*$", "$1");
	}

	private static final class InMemoryJournal implements RotationJournal {

		private final Map<String, Rotation> rotations = new java.util.HashMap<>();

		@Override
		public Optional<Rotation> open(String bot) {
			return this.rotations.values().stream().filter((rotation) -> !rotation.phase().finished()).findFirst();
		}

		@Override
		public void save(Rotation rotation) {
			this.rotations.put(rotation.id(), rotation);
		}

	}

}
