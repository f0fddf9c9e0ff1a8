package dev.idsync.source.phorge;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.PhorgeDatabase;
import dev.idsync.source.PhorgeDatabase.TableAccess;
import dev.idsync.source.SilentServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The pool to Phorge's database without a server: it connects only when read, an unreachable server costs one
 * bounded attempt, and no message carries the password.
 */
class PhorgeDatabasePoolTests {

	private static final String PASSWORD = "s3cret-Phorge-pw";

	/** Nothing listens on port 1: connections are refused at once. */
	private static final PhorgeDatabaseProperties UNREACHABLE = new PhorgeDatabaseProperties(
			"jdbc:mariadb://127.0.0.1:1/", "idsync", null, "UNUSED", "phabricator_", 2, Duration.ofSeconds(2));

	@Test
	void openDoesNotConnect() {
		try (PhorgeDatabasePool pool = PhorgeDatabasePool.of(UNREACHABLE, Secret.of(PASSWORD))) {
			assertThat(pool.started()).isFalse();
		}
	}

	@Test
	void pageWhenTheServerIsUnreachableFailsWithinTheTimeoutNamingTheTable() {
		try (PhorgeDatabase database = PhorgeDatabases.open(UNREACHABLE, Secret.of(PASSWORD))) {
			long start = System.nanoTime();
			assertThatExceptionOfType(PhorgeDatabaseException.class).isThrownBy(() -> database.emails().page(null))
				.satisfies((ex) -> assertThat(ex.table()).isEqualTo("phabricator_user.user_email"))
				.withMessageStartingWith("phorge-db: phabricator_user.user_email: ")
				.withMessageContaining("127.0.0.1")
				.withMessageNotContaining(PASSWORD);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void pageWhenTheServerNeverAnsweredFailsEveryLaterReadAtOnceWithTheFirstCause() throws IOException {
		try (SilentServer silent = SilentServer.start();
				PhorgeDatabase database = PhorgeDatabases.open(new PhorgeDatabaseProperties("jdbc:mariadb://127.0.0.1:"
						+ silent.url().replaceFirst(".*:", "") + "/", "idsync", null, "UNUSED", "phabricator_", 2,
						Duration.ofSeconds(1)), Secret.of(PASSWORD))) {
			// given
			assertThatExceptionOfType(PhorgeDatabaseException.class).isThrownBy(() -> database.emails().page(null))
				.withMessageStartingWith("phorge-db: phabricator_user.user_email: Phorge's database did not answer ("
						+ "read timed out after 1 s); not asked again in this run");
			int connections = silent.connections();
			// when
			long start = System.nanoTime();
			Throwable later = catchThrowable(() -> database.tokens().page(null));
			// then
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
			assertThat(later).isInstanceOf(PhorgeDatabaseException.class)
				.hasMessageStartingWith("phorge-db: phabricator_conduit.conduit_token: Phorge's database did not "
						+ "answer (read timed out after 1 s); not asked again in this run")
				.hasMessageNotContaining(PASSWORD);
			assertThat(silent.connections()).isEqualTo(connections);
		}
	}

	@Test
	void checkAccessWhenTheServerIsUnreachableGivesEveryTableTheConnectionProblem() {
		try (PhorgeDatabase database = PhorgeDatabases.open(UNREACHABLE, Secret.of(PASSWORD))) {
			List<TableAccess> access = database.checkAccess();
			assertThat(access).extracting(TableAccess::table)
				.containsExactly("phabricator_user.user", "phabricator_user.user_email",
						"phabricator_user.user_externalaccount", "phabricator_user.user_externalaccountidentifier",
						"phabricator_auth.auth_providerconfig", "phabricator_conduit.conduit_token",
						"phabricator_user.user_transaction");
			assertThat(access).extracting(TableAccess::problem).allSatisfy((problem) -> assertThat(problem)
				.startsWith("cannot connect: ")
				.contains("127.0.0.1")
				.doesNotContain(PASSWORD));
			assertThat(access).extracting(TableAccess::problem).containsOnly(access.get(0).problem());
		}
	}

	@Test
	void failureRedactsThePasswordAndDropsACauseThatHoldsIt() {
		try (PhorgeDatabasePool pool = PhorgeDatabasePool.of(UNREACHABLE, Secret.of(PASSWORD))) {
			SQLException echoing = new SQLInvalidAuthorizationSpecException(
					"bad login for jdbc:mariadb://db/?user=x&password=other-pw with " + PASSWORD, "28000");
			PhorgeDatabaseException ex = pool.failure("phabricator_user.user", echoing);
			assertThat(ex).hasMessage("phorge-db: phabricator_user.user: bad login for "
					+ "jdbc:mariadb://db/?user=x&password=[redacted] with [redacted] [SQLState 28000]");
			assertThat(ex).hasNoCause();
		}
	}

	@Test
	void failureKeepsACauseWithoutThePassword() {
		try (PhorgeDatabasePool pool = PhorgeDatabasePool.of(UNREACHABLE, Secret.of(PASSWORD))) {
			SQLException denied = new SQLException("SELECT command denied", "42000", new SQLException("inner"));
			PhorgeDatabaseException ex = pool.failure("phabricator_user.user", denied);
			assertThat(ex).hasMessage("phorge-db: phabricator_user.user: SELECT command denied: inner [SQLState 42000]")
				.hasCause(denied);
		}
	}

}
