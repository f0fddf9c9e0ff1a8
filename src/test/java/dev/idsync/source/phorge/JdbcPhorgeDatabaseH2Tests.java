package dev.idsync.source.phorge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.PhorgeDatabase.TableAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Phorge database reader against H2 in MySQL mode, as the simulator serves Phorge's tables: one schema per Phorge
 * database, named with the default prefix. Needs no server.
 */
class JdbcPhorgeDatabaseH2Tests extends PhorgeDatabaseContract {

	private final String url = "jdbc:h2:mem:phorge-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE";

	/** Holds the in-memory database open between the reader's connections. */
	private Connection keeper;

	@BeforeEach
	void loadFixture() throws SQLException {
		this.keeper = DriverManager.getConnection(this.url, "sa", "");
		this.fixture.createOnH2(this.keeper, prefix());
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		this.keeper.close();
	}

	@Override
	String prefix() {
		return "phabricator_";
	}

	@Override
	JdbcPhorgeDatabase reader(int pageSize) {
		PhorgeDatabaseProperties properties = new PhorgeDatabaseProperties(this.url, "sa", null, "UNUSED", prefix(), 2,
				Duration.ofSeconds(10));
		return PhorgeDatabases.open(properties, Secret.of(""), pageSize);
	}

	@Test
	void checkAccessWhenOneDatabaseIsMissingReportsItsTablesOnly() throws SQLException {
		// given
		try (Statement statement = this.keeper.createStatement()) {
			statement.execute("DROP SCHEMA `phabricator_conduit` CASCADE");
		}
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			// when
			List<TableAccess> access = database.checkAccess();
			// then
			assertThat(access).filteredOn(TableAccess::readable).hasSize(6);
			assertThat(access).filteredOn((table) -> !table.readable())
				.singleElement()
				.satisfies((table) -> assertThat(table.table()).isEqualTo("phabricator_conduit.conduit_token"))
				.satisfies((table) -> assertThat(table.problem()).containsIgnoringCase("phabricator_conduit"));
		}
	}

	@Test
	void tokensWhenTheTableIsMissingFailsNamingIt() throws SQLException {
		// given
		try (Statement statement = this.keeper.createStatement()) {
			statement.execute("DROP TABLE `phabricator_conduit`.`conduit_token`");
		}
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			// when, then
			assertThatExceptionOfType(PhorgeDatabaseException.class).isThrownBy(() -> database.tokens().page(null))
				.satisfies((ex) -> assertThat(ex.table()).isEqualTo("phabricator_conduit.conduit_token"))
				.satisfies((ex) -> assertThat(ex.source()).isEqualTo("phorge-db"))
				.withMessageStartingWith("phorge-db: phabricator_conduit.conduit_token: ")
				.withMessageContaining("conduit_token");
		}
	}

}
