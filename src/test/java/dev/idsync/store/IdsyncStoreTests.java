package dev.idsync.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.config.StoreProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How idsync's pool talks to PostgreSQL (skipped when {@code IDSYNC_TEST_POSTGRES_URL} is unset; CI sets it).
 */
class IdsyncStoreTests {

	private static final String POSTGRES_URL = System.getenv("IDSYNC_TEST_POSTGRES_URL");

	private String schema;

	@AfterEach
	void dropSchema() throws SQLException {
		if (this.schema != null) {
			sql("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
	}

	/**
	 * The staging steps write in JDBC batches; the driver sends each batch as multi-row INSERTs (one round trip per
	 * row cost 10 s of 100,000 people's night), which it tells by answering "done, count unknown" per row.
	 */
	@Test
	void batchedInsertsReachPostgresAsMultiRowStatements() throws SQLException {
		assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(), "IDSYNC_TEST_POSTGRES_URL is not set");
		this.schema = "idsync_pool_" + Long.toHexString(System.nanoTime());
		sql("CREATE SCHEMA " + this.schema);
		StoreProperties properties = new StoreProperties(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?")
				+ "currentSchema=" + this.schema, "sa", null, "IDSYNC_STORE_PASSWORD");
		try (IdsyncStore store = IdsyncStore.open(properties, "", true)) {
			JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
			jdbc.execute("CREATE TABLE batch_probe (n INT)");

			int[] counts = jdbc.batchUpdate("INSERT INTO batch_probe (n) VALUES (?)",
					List.of(new Object[] { 1 }, new Object[] { 2 }, new Object[] { 3 }, new Object[] { 4 }));

			assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO);
			assertThat(jdbc.queryForObject("SELECT SUM(n) FROM batch_probe", Integer.class)).isEqualTo(10);
		}
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

}
