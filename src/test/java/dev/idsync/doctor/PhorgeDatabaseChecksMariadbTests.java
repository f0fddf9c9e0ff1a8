package dev.idsync.doctor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.TokenWriterProperties;
import dev.idsync.sim.phorge.db.PhorgeSchema;
import dev.idsync.sim.phorge.db.SqlDialect;
import dev.idsync.source.phorge.ReadmeGrants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code idsync doctor}'s checks of Phorge's database on a real MariaDB holding Phorge's schema, for a read-only user
 * and a token writer granted exactly what the README documents: MariaDB checks column privileges, so a probe that
 * does more than idsync does fails where idsync works. Runs when {@code IDSYNC_TEST_MARIADB_URL} is set; the URL's
 * user must be able to create databases and users.
 */
@EnabledIfEnvironmentVariable(named = "IDSYNC_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "IDSYNC_TEST_MARIADB_URL is not set")
class PhorgeDatabaseChecksMariadbTests {

	private static final String URL = System.getenv("IDSYNC_TEST_MARIADB_URL");

	private final String name = "idsync_d" + Long.toHexString(System.nanoTime());

	private final String prefix = this.name + "_";

	private final String reader = this.name + "r";

	private final String writer = this.name + "w";

	private final Map<String, String> environment = Map.of("READER_PASSWORD", "pw-" + UUID.randomUUID(),
			"WRITER_PASSWORD", "pw-" + UUID.randomUUID());

	private final JdbcTemplate root = new JdbcTemplate(new DriverManagerDataSource(URL));

	@BeforeEach
	void createSchemaAndReader() {
		PhorgeSchema.create(this.root.getDataSource(), this.prefix, SqlDialect.MARIADB);
		createUser(this.reader, "READER_PASSWORD");
		ReadmeGrants.reader(this.prefix, this.reader).forEach(this.root::execute);
		createUser(this.writer, "WRITER_PASSWORD");
	}

	@AfterEach
	void drop() {
		for (String application : List.of("user", "auth", "conduit")) {
			this.root.execute("DROP DATABASE IF EXISTS `" + this.prefix + application + "`");
		}
		this.root.execute("DROP USER IF EXISTS '" + this.reader + "'@'%'");
		this.root.execute("DROP USER IF EXISTS '" + this.writer + "'@'%'");
	}

	@Test
	void checksWhenBothUsersHaveExactlyTheReadmeGrantsThenEveryCheckPasses() {
		// given
		ReadmeGrants.tokenWriter(this.prefix, this.writer).forEach(this.root::execute);

		// when
		List<Check> checks = PhorgeDatabaseChecks.of(properties(), this.environment);

		// then
		assertThat(checks).hasSize(9).allSatisfy((check) -> {
			assertThat(check.passed()).as(check.name() + ": " + check.detail()).isTrue();
			assertThat(check.fix()).isNull();
		});
		assertThat(checks.get(8)).satisfies((check) -> {
			assertThat(check.name()).isEqualTo("phorge-db: token writer " + this.writer);
			assertThat(check.detail()).isEqualTo("may list, create and terminate API tokens");
		});
	}

	@Test
	void checksWhenTheWriterMayNotTerminateThenTheProbeFailsWithTheReadmeGrantAsTheFix() {
		// given: the README's grant without its UPDATE
		this.root.execute("GRANT SELECT (id, objectPHID, tokenType, tokenName, dateCreated, expires), INSERT ON "
				+ this.prefix + "conduit.conduit_token TO '" + this.writer + "'@'%'");

		// when
		List<Check> checks = PhorgeDatabaseChecks.of(properties(), this.environment);

		// then
		assertThat(checks).filteredOn((check) -> !check.passed()).singleElement().satisfies((check) -> {
			assertThat(check.name()).isEqualTo("phorge-db: token writer " + this.writer);
			assertThat(check.detail()).contains("UPDATE command denied", this.writer)
				.doesNotContain(this.environment.get("WRITER_PASSWORD"));
			assertThat(check.fix()).isEqualTo(ReadmeGrants.tokenWriter(this.prefix, this.writer).get(0) + ";");
		});
	}

	private void createUser(String user, String passwordVariable) {
		this.root.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + this.environment.get(passwordVariable)
				+ "'");
	}

	private PhorgeDatabaseProperties properties() {
		return new PhorgeDatabaseProperties(server(), this.reader, null, "READER_PASSWORD", this.prefix, 1,
				Duration.ofSeconds(10), new TokenWriterProperties(this.writer, null, "WRITER_PASSWORD"));
	}

	/** The server of the test URL, without its database and parameters: the users may see no other database. */
	private static String server() {
		return URL.replaceAll("^(jdbc:mariadb://[^/]+/).*$", "$1");
	}

}
