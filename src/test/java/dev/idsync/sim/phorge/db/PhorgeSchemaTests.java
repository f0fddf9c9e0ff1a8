package dev.idsync.sim.phorge.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PhorgeSchemaTests {

	@Test
	void vendoredCopyIsTheSharedReferenceByteForByte() throws IOException {
		Path shared = Path.of(System.getProperty("user.dir"))
			.resolveSibling("shared")
			.resolve("reference")
			.resolve("phorge-schema.sql");
		assumeTrue(Files.isRegularFile(shared), "no ../shared/reference beside the project");
		try (InputStream vendored = PhorgeSchema.class.getResourceAsStream(PhorgeSchema.RESOURCE)) {
			assertThat(vendored.readAllBytes())
				.as("src/main/resources/dev/idsync/sim/phorge/db/phorge-schema.sql is stale: copy it again from "
						+ shared)
				.isEqualTo(Files.readAllBytes(shared));
		}
	}

	@Test
	void tablesAreEveryStatementOfTheReferenceWithItsDatabase() {
		assertThat(PhorgeSchema.tables()).extracting((table) -> table.application() + "." + table.name())
			.containsExactly("conduit.conduit_token", "conduit.conduit_methodcalllog", "user.user", "user.user_email",
					"user.user_externalaccount", "user.user_externalaccountidentifier", "auth.auth_providerconfig",
					"auth.auth_password", "auth.auth_sshkey", "user.user_transaction", "user.user_log",
					"user.phabricator_session");
		assertThat(PhorgeSchema.tables()).allSatisfy((table) -> assertThat(table.ddl())
			.startsWith("CREATE TABLE `" + table.name() + "` (")
			.endsWith("COLLATE=utf8mb4_bin"));
		assertThat(PhorgeSchema.applications()).containsExactly("conduit", "user", "auth");
	}

	@Test
	void mariadbRunsTheReferenceVerbatimInItsDatabase() {
		PhorgeTable email = table("user_email");
		assertThat(SqlDialect.MARIADB.createTable(email, "ph_user"))
			.isEqualTo(email.ddl().replace("CREATE TABLE `user_email`", "CREATE TABLE `ph_user`.`user_email`"));
		assertThat(SqlDialect.MARIADB.createDatabase("ph_user")).isEqualTo(
				"CREATE DATABASE `ph_user` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
	}

	@Test
	void h2RenamesIndexesAndRetypesColumnsOnly() {
		String ddl = SqlDialect.H2.createTable(table("user_email"), "ph_user");
		assertThat(ddl).startsWith("CREATE TABLE `ph_user`.`user_email` (")
			.contains("`userPHID` varchar(64) NOT NULL", "`address` varchar_ignorecase(128) NOT NULL",
					"UNIQUE KEY `user_email_address` (`address`)", "UNIQUE KEY `user_email_key_phid` (`phid`)",
					"KEY `user_email_userPHID` (`userPHID`,`isPrimary`)", "PRIMARY KEY (`id`)",
					"`dateCreated` bigint NOT NULL", "`id` bigint NOT NULL AUTO_INCREMENT")
			.doesNotContain("binary", "unicode_ci", "unsigned");
		assertThat(SqlDialect.H2.createTable(table("user_externalaccountidentifier"), "ph_user"))
			.contains("`identifierHash` char(12) NOT NULL");
	}

	@Test
	void createOnH2MakesEveryTableInItsDatabase() {
		JdbcTemplate jdbc = new JdbcTemplate(h2("create"));
		PhorgeSchema.create(jdbc.getDataSource(), "ph_", SqlDialect.H2);
		List<Map<String, Object>> tables = jdbc.queryForList("SELECT `table_schema`, `table_name` FROM "
				+ "`information_schema`.`tables` WHERE `table_schema` LIKE 'ph\\_%' ORDER BY 1, 2");
		assertThat(tables).extracting((row) -> row.get("table_schema") + "." + row.get("table_name"))
			.containsExactlyInAnyOrder("ph_conduit.conduit_token", "ph_conduit.conduit_methodcalllog", "ph_user.user",
					"ph_user.user_email", "ph_user.user_externalaccount", "ph_user.user_externalaccountidentifier",
					"ph_auth.auth_providerconfig", "ph_auth.auth_password", "ph_auth.auth_sshkey",
					"ph_user.user_transaction", "ph_user.user_log", "ph_user.phabricator_session");
	}

	@Test
	void createOnH2KeepsPhorgesCaseRules() {
		JdbcTemplate jdbc = new JdbcTemplate(h2("case"));
		PhorgeSchema.create(jdbc.getDataSource(), PhorgeSchema.DEFAULT_PREFIX, SqlDialect.H2);
		String insert = "INSERT INTO `phabricator_user`.`user_email` (`userPHID`, `address`, `isVerified`, "
				+ "`isPrimary`, `dateCreated`, `dateModified`, `phid`) VALUES (?, ?, 1, 1, 0, 0, ?)";
		jdbc.update(insert, "PHID-USER-a", "Anna.Berg@Example.COM", "PHID-EADR-a");
		// utf8mb4_unicode_ci: the address is unique and found regardless of case
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.update(insert, "PHID-USER-b", "anna.berg@example.com", "PHID-EADR-b"));
		assertThat(jdbc.queryForObject("SELECT `address` FROM `phabricator_user`.`user_email` WHERE `address` = ?",
				String.class, "ANNA.BERG@EXAMPLE.COM")).isEqualTo("Anna.Berg@Example.COM");
		// utf8mb4_bin and varbinary: compared with string parameters, exactly
		assertThat(jdbc.queryForList("SELECT `phid` FROM `phabricator_user`.`user_email` WHERE `userPHID` = ?",
				String.class, "PHID-USER-a")).containsExactly("PHID-EADR-a");
		assertThat(jdbc.queryForList("SELECT `phid` FROM `phabricator_user`.`user_email` WHERE `userPHID` = ?",
				String.class, "phid-user-a")).isEmpty();
	}

	@Test
	void createRefusesAPrefixThatIsNotAnIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PhorgeSchema.create(h2("prefix"), "x`; DROP", SqlDialect.H2))
			.withMessageContaining("x`; DROP");
	}

	private static PhorgeTable table(String name) {
		return PhorgeSchema.tables().stream().filter((table) -> table.name().equals(name)).findFirst().orElseThrow();
	}

	private static JdbcDataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:phorge-schema-" + name + ";DB_CLOSE_DELAY=-1" + PhorgeDatabaseSimServer.OPTIONS);
		return dataSource;
	}

}
