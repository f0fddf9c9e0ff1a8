package dev.idsync.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.sim.Simulator;
import dev.idsync.store.IdsyncStore;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test support: idsync's store on either platform, for tests that must hold on both. H2: a file in the test's
 * folder. PostgreSQL: a schema of its own in {@code IDSYNC_TEST_POSTGRES_URL}'s database, dropped afterwards; the
 * test is reported as skipped when that variable is unset (CI sets it).
 */
public final class TestStore implements AutoCloseable {

	static final String POSTGRES_URL = System.getenv("IDSYNC_TEST_POSTGRES_URL");

	private final String url;

	private final String schema;

	private TestStore(String url, String schema) {
		this.url = url;
		this.schema = schema;
	}

	/**
	 * A fresh store.
	 * @param platform {@code h2} or {@code postgresql}
	 * @param dir the test's folder
	 */
	public static TestStore of(String platform, Path dir) throws SQLException {
		if (platform.equals("h2")) {
			return new TestStore("jdbc:h2:file:" + dir.resolve("store/idsync"), null);
		}
		assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(), "IDSYNC_TEST_POSTGRES_URL is not set");
		String schema = "idsync_test_" + Long.toHexString(System.nanoTime());
		sql("CREATE SCHEMA " + schema);
		return new TestStore(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				schema);
	}

	public String url() {
		return this.url;
	}

	/**
	 * The simulator's configuration file as a user gets it, with the store moved here and further {@code idsync.*}
	 * properties (in flat form, e.g. {@code remediation.drift-grace-runs: 1}).
	 */
	public Path config(Simulator simulator, Path dir, List<String> properties) throws IOException {
		Path config = dir.resolve("idsync.yml");
		simulator.writeConfig(config);
		StringBuilder extra = new StringBuilder("  store:\n    url: " + this.url + "\n");
		properties.forEach((property) -> extra.append("  ").append(property).append('\n'));
		Files.writeString(config, extra, StandardOpenOption.APPEND);
		return config;
	}

	/** The one number a query counts, read as a read-only command reads the store (whatever holds it). */
	public long count(String sql, Object... args) {
		try (IdsyncStore store = IdsyncStore.open(this.url, "sa", "")) {
			Long count = new JdbcTemplate(store.dataSource()).queryForObject(sql, Long.class, args);
			return (count != null) ? count : 0;
		}
	}

	/** One value a query reads. */
	public String text(String sql, Object... args) {
		try (IdsyncStore store = IdsyncStore.open(this.url, "sa", "")) {
			return new JdbcTemplate(store.dataSource()).queryForObject(sql, String.class, args);
		}
	}

	/** Changes rows, as another process (or a person at a SQL prompt) might. */
	public int update(String sql, Object... args) {
		try (IdsyncStore store = IdsyncStore.open(this.url, "sa", "")) {
			return new JdbcTemplate(store.dataSource()).update(sql, args);
		}
	}

	@Override
	public void close() throws SQLException {
		if (this.schema != null) {
			sql("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

}
