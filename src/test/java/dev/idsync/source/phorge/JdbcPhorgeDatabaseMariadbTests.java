package dev.idsync.source.phorge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.PagedSources;
import dev.idsync.source.PhorgeDatabase.TableAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Phorge database reader against a real MariaDB holding Phorge's schema and the sample rows, in databases of a
 * prefix of its own ({@code idsync_t<random>_user}, {@code …_auth}, {@code …_conduit}) that it drops afterwards. Runs
 * when {@code IDSYNC_TEST_MARIADB_URL} is set (CI sets {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}); the URL's
 * user must be able to create databases and users.
 */
@EnabledIfEnvironmentVariable(named = "IDSYNC_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "IDSYNC_TEST_MARIADB_URL is not set")
class JdbcPhorgeDatabaseMariadbTests extends PhorgeDatabaseContract {

	private static final String URL = System.getenv("IDSYNC_TEST_MARIADB_URL");

	private final String name = "idsync_t" + Long.toHexString(System.nanoTime());

	/** A database user of this test run's own, made by tests that need one with fewer rights. */
	private final String user = this.name;

	private final String password = "pw-" + UUID.randomUUID();

	@BeforeEach
	void loadFixture() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL)) {
			this.fixture.createOnMariadb(connection, prefix());
		}
	}

	@AfterEach
	void dropDatabasesAndUser() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL)) {
			this.fixture.dropOnMariadb(connection, prefix());
			execute(connection, "DROP USER IF EXISTS '" + this.user + "'@'%'");
		}
	}

	@Override
	String prefix() {
		return this.name + "_";
	}

	@Override
	JdbcPhorgeDatabase reader(int pageSize) {
		Map<String, String> parameters = parameters();
		return reader(parameters.getOrDefault("user", "root"), parameters.getOrDefault("password", ""), pageSize);
	}

	@Test
	void connectionsAreReadOnly() throws SQLException {
		Map<String, String> parameters = parameters();
		try (PhorgeDatabasePool pool = PhorgeDatabasePool.of(properties(parameters.getOrDefault("user", "root")),
				Secret.of(parameters.getOrDefault("password", "")));
				Connection connection = pool.open();
				Statement statement = connection.createStatement()) {
			assertThat(connection.isReadOnly()).isTrue();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.executeUpdate("DELETE FROM "
					+ PhorgeTable.CONDUIT_TOKEN.sql(prefix()) + " WHERE `id` = 1"))
				.withMessageContaining("READ ONLY");
		}
	}

	@Test
	void checkAccessWithoutAGrantOnTheConduitDatabaseReportsExactlyConduitToken() throws SQLException {
		// given
		createUser("user", "auth");
		try (JdbcPhorgeDatabase database = reader(this.user, this.password, JdbcPhorgeDatabase.PAGE_SIZE)) {
			// when
			List<TableAccess> access = database.checkAccess();
			// then
			assertThat(access).filteredOn(TableAccess::readable).hasSize(6);
			assertThat(access).filteredOn((table) -> !table.readable())
				.singleElement()
				.satisfies((table) -> assertThat(table.table()).isEqualTo(prefix() + "conduit.conduit_token"))
				.satisfies((table) -> assertThat(table.problem()).contains("SELECT command denied", this.user)
					.doesNotContain(this.password));
			assertThatExceptionOfType(PhorgeDatabaseException.class).isThrownBy(() -> database.tokens().page(null))
				.satisfies((ex) -> assertThat(ex.table()).isEqualTo(prefix() + "conduit.conduit_token"))
				.withMessageContaining("SELECT command denied")
				.withMessageNotContaining(this.password);
			assertThat(PagedSources.readAll(database.emails())).hasSize(26);
		}
	}

	@Test
	void grantsOnTheColumnsReadSufficeWithoutTheTokenColumn() throws SQLException {
		// given: the narrowest grants, as PhorgeDatabases documents them
		createUser();
		try (Connection connection = DriverManager.getConnection(URL)) {
			for (PhorgeTable table : PhorgeTable.values()) {
				execute(connection, "GRANT SELECT (`" + String.join("`, `", table.columns()) + "`) ON "
						+ table.sql(prefix()) + " TO '" + this.user + "'@'%'");
			}
		}
		try (JdbcPhorgeDatabase database = reader(this.user, this.password, JdbcPhorgeDatabase.PAGE_SIZE);
				JdbcPhorgeDatabase root = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			// when, then
			assertThat(database.checkAccess()).allSatisfy((table) -> assertThat(table.readable()).isTrue());
			assertThat(PagedSources.readAll(database.tokens())).isEqualTo(PagedSources.readAll(root.tokens()));
			assertThat(PagedSources.readAll(database.emails())).isEqualTo(PagedSources.readAll(root.emails()));
			assertThat(PagedSources.readAll(database.externalIdentifiers()))
				.isEqualTo(PagedSources.readAll(root.externalIdentifiers()));
			assertThat(PagedSources.readAll(database.security())).isEqualTo(PagedSources.readAll(root.security()));
			assertThat(PagedSources.readAll(database.disables())).isEqualTo(PagedSources.readAll(root.disables()));
		}
	}

	@Test
	void wrongPasswordFailsClearlyWithoutAnyPassword() throws SQLException {
		// given
		createUser("user", "auth", "conduit");
		String wrong = "wrong-" + UUID.randomUUID();
		try (JdbcPhorgeDatabase database = reader(this.user, wrong, JdbcPhorgeDatabase.PAGE_SIZE)) {
			// when, then
			assertThatExceptionOfType(PhorgeDatabaseException.class).isThrownBy(() -> database.emails().page(null))
				.withMessageStartingWith("phorge-db: " + prefix() + "user.user_email: ")
				.withMessageContaining("Access denied for user '" + this.user + "'")
				.withMessageNotContaining(wrong)
				.withMessageNotContaining(this.password);
			assertThat(database.checkAccess()).extracting(TableAccess::problem)
				.hasSize(7)
				.allSatisfy((problem) -> assertThat(problem).startsWith("cannot connect: ")
					.contains("Access denied")
					.doesNotContain(wrong));
		}
	}

	private JdbcPhorgeDatabase reader(String user, String password, int pageSize) {
		return PhorgeDatabases.open(properties(user), Secret.of(password), pageSize);
	}

	private PhorgeDatabaseProperties properties(String user) {
		return new PhorgeDatabaseProperties(serverUrl(), user, null, "UNUSED", prefix(), 2, Duration.ofSeconds(10));
	}

	/** Creates this run's user, with {@code SELECT} on the given Phorge databases. */
	private void createUser(String... applications) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL)) {
			execute(connection, "CREATE USER '" + this.user + "'@'%' IDENTIFIED BY '" + this.password + "'");
			for (String application : applications) {
				// an underscore in a database-level grant matches any character unless escaped
				String database = (prefix() + application).replace("_", "\\_");
				execute(connection, "GRANT SELECT ON `" + database + "`.* TO '" + this.user + "'@'%'");
			}
		}
	}

	/** The server of {@link #URL} without its database or parameters: idsync's user may see no other database. */
	private static String serverUrl() {
		int hostStart = URL.indexOf("//") + 2;
		int pathStart = URL.indexOf('/', hostStart);
		int queryStart = URL.indexOf('?', hostStart);
		int end = (pathStart >= 0) ? pathStart : (queryStart >= 0) ? queryStart : URL.length();
		return URL.substring(0, end) + "/";
	}

	private static Map<String, String> parameters() {
		Map<String, String> parameters = new HashMap<>();
		int queryStart = URL.indexOf('?');
		if (queryStart >= 0) {
			for (String pair : URL.substring(queryStart + 1).split("&")) {
				String[] keyValue = pair.split("=", 2);
				parameters.put(keyValue[0], (keyValue.length > 1)
						? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "");
			}
		}
		return parameters;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
