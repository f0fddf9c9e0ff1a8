package dev.idsync.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.config.StoreProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's run lock on both platforms: one holder at a time, named to whoever is refused, released on close, and
 * dead runs named abandoned by the next holder. (That it frees itself when its holder's process is killed is shown by
 * the batch functional tests, with real processes.)
 */
class StoreLockTests {

	private static final String POSTGRES_URL = System.getenv("IDSYNC_TEST_POSTGRES_URL");

	private static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z");

	@TempDir
	Path dir;

	private String schema;

	@AfterEach
	void dropSchema() throws SQLException {
		if (this.schema != null) {
			sql("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void secondHolderIsRefusedNamingTheFirstUntilItLetsGo(String platform) throws SQLException {
		StoreProperties store = store(platform);
		LockHolder first = new LockHolder("20261207T023000Z-ab12", "idsync run --mode apply", "db1", 4242, NOW);
		try (LockedStore held = LockedStore.open(store, "", first, Set.of())) {
			held.assertHeld();

			assertThatExceptionOfType(StoreBusyException.class)
				.isThrownBy(() -> LockedStore.open(store, "", LockHolder.thisProcess(null, "idsync mapping add", NOW),
						Set.of()))
				.withMessage("the store " + store.display() + " is in use by run 20261207T023000Z-ab12 (idsync run "
						+ "--mode apply, pid 4242 on db1, since 2026-12-07 02:30:00 UTC). Nothing was read or changed. "
						+ "Wait for it to end, or stop it: its lock frees itself the moment its process ends.")
				.satisfies((busy) -> assertThat(busy.holder()).isEqualTo(first));
		}
		try (LockedStore next = LockedStore.open(store, "", LockHolder.thisProcess("r2", "idsync run", NOW),
				Set.of())) {
			next.assertHeld();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void nextHolderMarksRunsLeftRunningAbandonedButTheOneItContinues(String platform) throws SQLException {
		StoreProperties store = store(platform);
		try (IdsyncStore open = IdsyncStore.open(store, "", true)) {
			RunStore runs = new RunStore(open.dataSource());
			runs.started("killed", NOW.minusSeconds(120), "apply", "r");
			runs.started("restarted", NOW.minusSeconds(60), "apply", "r");
		}

		try (LockedStore held = LockedStore.open(store, "", LockHolder.thisProcess("restarted", "idsync run --restart",
				NOW), Set.of("restarted"))) {
			RunStore runs = new RunStore(held.dataSource());
			assertThat(held.abandoned()).containsExactly("killed");
			assertThat(runs.abandonment("killed")).contains("abandoned: its process ended while it held the store; "
					+ "run restarted found it so at 2026-12-07 02:30:00 UTC");
			assertThat(runs.abandonment("restarted")).isEmpty();
			assertThat(runs.restartRefusal("killed")).get().asString().startsWith("run killed was abandoned");
			assertThat(runs.restartable()).containsExactly("restarted");
		}
	}

	@Test
	void h2HolderNamesItselfAndServesTheStoreInFilesOnlyItsOwnerReads() throws Exception {
		StoreProperties store = store("h2");
		try (LockedStore held = LockedStore.open(store, "", LockHolder.thisProcess("r1", "idsync run", NOW),
				Set.of())) {
			Path holder = this.dir.resolve("idsync.run.holder");
			Path server = this.dir.resolve("idsync.server");
			assertThat(Files.readString(holder)).contains("run=r1", "command=idsync run");
			assertThat(Files.readString(server)).contains("port=", "key=", "pid=" + ProcessHandle.current().pid());
			for (Path file : List.of(holder, server)) {
				assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
						PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			}
			// a read-only command in another process reads through the holder's loopback server, with its key
			String served = H2Sharing.url(store).orElseThrow();
			assertThat(served).startsWith("jdbc:h2:tcp://127.0.0.1:");
			try (Connection reader = DriverManager.getConnection(served, "sa", "")) {
				assertThat(new JdbcTemplate(held.dataSource()).queryForObject("SELECT COUNT(*) FROM idsync_run",
						Long.class)).isZero();
				assertThat(reader.isValid(1)).isTrue();
			}
			assertThatExceptionOfType(SQLException.class).isThrownBy(
					() -> DriverManager.getConnection(served.substring(0, served.lastIndexOf('/') + 1) + "guess", "sa",
							""));
		}
		assertThat(this.dir.resolve("idsync.run.holder")).doesNotExist();
		assertThat(this.dir.resolve("idsync.server")).doesNotExist();
	}

	@Test
	void postgresHolderThatLostItsSessionKnowsIt() throws SQLException {
		StoreProperties store = store("postgresql");
		try (LockedStore held = LockedStore.open(store, "", LockHolder.thisProcess("r1", "idsync run", NOW),
				Set.of())) {
			sql("SELECT pg_terminate_backend(backend_pid) FROM " + this.schema + ".store_lock_holder");

			assertThatIllegalStateException().isThrownBy(held::assertHeld).withMessageContaining("run lock");
		}
	}

	@Test
	void storeUrlsThatAreNoH2FileAreRefusedNamingTheProperty() {
		assertThatExceptionOfType(dev.idsync.config.ConfigException.class)
			.isThrownBy(() -> new StoreProperties("jdbc:h2:mem:idsync", "sa", null, "IDSYNC_STORE_PASSWORD"))
			.withMessageStartingWith("idsync.store.url: 'jdbc:h2:mem:idsync' is not an H2 file.");
		assertThat(new StoreProperties("jdbc:h2:file:./var/idsync;FILE_LOCK=FS", "sa", null, "E").h2Path())
			.isEqualTo(Path.of("./var/idsync"));
		assertThat(new StoreProperties("jdbc:postgresql://db/idsync?user=i&password=secret", "sa", null, "E")
			.display()).isEqualTo("jdbc:postgresql://db/idsync");
	}

	private StoreProperties store(String platform) throws SQLException {
		if (platform.equals("h2")) {
			return new StoreProperties("jdbc:h2:file:" + this.dir.resolve("idsync"), "sa", null, "IDSYNC_STORE_PASSWORD");
		}
		assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(), "IDSYNC_TEST_POSTGRES_URL is not set");
		this.schema = "idsync_lock_" + Long.toHexString(System.nanoTime());
		sql("CREATE SCHEMA " + this.schema);
		return new StoreProperties(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema="
				+ this.schema, "sa", null, "IDSYNC_STORE_PASSWORD");
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

}
