package dev.idsync.sim.phorge.db;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.PhorgeUserTransaction;
import dev.idsync.sim.phorge.UserChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabasePhorgeDirectoryTests {

	private static final PhorgeUser ANNA = PhorgeDatabaseSimServerTests.ROWS.users().get(0);

	private static final String BOT = PhorgeDatabaseSimServerTests.ROWS.users().get(1).phid();

	private static final PhorgeUserTransaction DISABLE = PhorgeUserTransaction.disable("PHID-XACT-USER-aaaaabbbbbccccc",
			BOT, ANNA.phid(), true, PhorgeUserTransaction.CONDUIT, 1_800_000_000L);

	private final PhorgeDatabaseSimServer server = new PhorgeDatabaseSimServer(PhorgeDatabaseSimServerTests.ROWS, 0,
			true);

	private final JdbcTemplate jdbc = new JdbcTemplate(this.server.dataSource());

	private final DatabasePhorgeDirectory directory = new DatabasePhorgeDirectory(
			new InMemoryPhorgeDirectory(PhorgeDatabaseSimServerTests.ROWS.users(),
					PhorgeDatabaseSimServerTests.ROWS.emails(), List.of(), Set.of()),
			this.server.dataSource(), this.server.prefix());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void updateWritesTheChangedRowThrough() {
		PhorgeUser changed = this.directory.update(ANNA.phid(),
				(user) -> user.withDisabled(true, 1_800_000_000L).withRealName("Anna B.", 1_800_000_000L));
		assertThat(this.directory.userByPhid(ANNA.phid())).hasValue(changed);
		assertThat(row(ANNA.phid())).containsEntry("isDisabled", 1)
			.containsEntry("realName", "Anna B.")
			.containsEntry("dateModified", 1_800_000_000L);
	}

	@Test
	void updateWithoutEffectWritesNothing() {
		this.jdbc.update("UPDATE `phabricator_user`.`user` SET `realName` = 'changed at the SQL prompt'");
		this.directory.update(ANNA.phid(), (user) -> user);
		assertThat(row(ANNA.phid())).containsEntry("realName", "changed at the SQL prompt");
	}

	@Test
	void updateWhenTheRowCannotBeWrittenKeepsTheOldUserInMemory() {
		this.jdbc.update("DELETE FROM `phabricator_user`.`user` WHERE `phid` = ?", ANNA.phid());
		assertThatIllegalStateException()
			.isThrownBy(() -> this.directory.update(ANNA.phid(), (user) -> user.withDisabled(true, 1_800_000_000L)))
			.withMessageContaining(ANNA.phid());
		assertThat(this.directory.userByPhid(ANNA.phid())).hasValue(ANNA);
	}

	@Test
	void editWritesTheRowAndAppendsItsTransactions() {
		UserChange change = this.directory.edit(ANNA.phid(),
				(user) -> new UserChange(user.withDisabled(true, 1_800_000_000L), List.of(DISABLE)));
		assertThat(this.directory.userByPhid(ANNA.phid())).hasValue(change.user());
		assertThat(row(ANNA.phid())).containsEntry("isDisabled", 1);
		assertThat(this.jdbc.queryForList("SELECT * FROM `phabricator_user`.`user_transaction`"))
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("phid", DISABLE.phid())
				.containsEntry("authorPHID", BOT)
				.containsEntry("objectPHID", ANNA.phid())
				.containsEntry("transactionType", "user.disable")
				.containsEntry("oldValue", "false")
				.containsEntry("newValue", "true")
				.containsEntry("editPolicy", BOT)
				.containsEntry("dateModified", 1_800_000_000L));
	}

	@Test
	void editWhenTheTransactionCannotBeWrittenChangesNothingAnywhere() {
		this.jdbc.execute("DROP TABLE `phabricator_user`.`user_transaction`");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.directory.edit(ANNA.phid(),
				(user) -> new UserChange(user.withDisabled(true, 1_800_000_000L), List.of(DISABLE))));
		assertThat(this.directory.userByPhid(ANNA.phid())).hasValue(ANNA);
		assertThat(row(ANNA.phid())).containsEntry("isDisabled", 0);
	}

	@Test
	void tokenIsReadFromTheTableOnEveryCall() {
		String secret = PhorgeDatabaseSimServerTests.ROWS.tokens().get(0).token();
		assertThat(this.directory.token(secret)).map(PhorgeToken::expires).isEmpty();
		this.jdbc.update("UPDATE `phabricator_conduit`.`conduit_token` SET `expires` = 1800000000");
		assertThat(this.directory.token(secret)).map(PhorgeToken::expires).hasValue(1_800_000_000L);
		this.jdbc.update("DELETE FROM `phabricator_conduit`.`conduit_token`");
		assertThat(this.directory.token(secret)).isEmpty();
	}

	private Map<String, Object> row(String phid) {
		return this.jdbc.queryForMap("SELECT * FROM `phabricator_user`.`user` WHERE `phid` = ?", phid);
	}

}
