package dev.idsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.LiveAccount;
import dev.idsync.domain.Precondition;
import dev.idsync.remediate.Journal;

/**
 * idsync's journal of writes to Phorge ({@code action_journal}) and its provenance ({@code account_provenance}): every
 * entry is made durable on its own ({@link DurableWrites}), whatever transaction the caller is in, so that an intent
 * is durable before its write is made.
 */
public final class JournalStore implements Journal {

	private static final String ENTRY = "SELECT id, run_id, action_type, phid, username, because, precondition, "
			+ "undoes FROM action_journal ";

	private final JdbcTemplate jdbc;

	private final DurableWrites durable;

	private final Clock clock;

	public JournalStore(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.durable = new DurableWrites(dataSource);
		this.clock = clock;
	}

	@Override
	public long intent(String runId, Action action, LiveAccount before, @Nullable Long undoes) {
		return this.durable.write(() -> insert(runId, action, "INTENT", before.describe(), null, undoes));
	}

	@Override
	public void outcome(long entry, ActionStatus status, @Nullable LiveAccount after, String detail) {
		this.durable.write(() -> {
			this.jdbc.update("UPDATE action_journal SET status = ?, state_after = ?, detail = ?, outcome_at = ? "
					+ "WHERE id = ?", status.name(), (after != null) ? after.describe() : null, detail,
					Timestamp.from(this.clock.instant()), entry);
			if (status == ActionStatus.APPLIED) {
				provenance(entry);
			}
		});
	}

	@Override
	public void skipped(String runId, Action action, @Nullable LiveAccount now, String reason,
			@Nullable Long undoes) {
		this.durable.write(() -> insert(runId, action, ActionStatus.SKIPPED.name(),
				(now != null) ? now.describe() : "no such account", reason, undoes));
	}

	@Override
	public List<Entry> pending() {
		return this.jdbc.query(ENTRY + "WHERE status = 'INTENT' ORDER BY id", (rs, i) -> entry(rs));
	}

	@Override
	public Optional<ActionStatus> settled(String runId, Action action) {
		return this.jdbc.query("SELECT status FROM action_journal WHERE run_id = ? AND action_type = ? AND phid = ? "
				+ "AND undoes IS NULL AND status IN ('APPLIED', 'SKIPPED') ORDER BY id DESC",
				(rs, i) -> ActionStatus.valueOf(rs.getString("status")), runId, action.type().name(), action.phid())
			.stream()
			.findFirst();
	}

	/** The entries of a run that applied a change and that no undo has reversed yet, newest first. */
	public List<Entry> applied(String runId) {
		return this.jdbc.query(ENTRY + "j WHERE j.run_id = ? AND j.status = 'APPLIED' AND j.undoes IS NULL "
				+ "AND NOT EXISTS (SELECT 1 FROM action_journal u WHERE u.undoes = j.id AND u.status = 'APPLIED') "
				+ "ORDER BY j.id DESC", (rs, i) -> entry(rs), runId);
	}

	/** Every entry of a run, in order, for reports: one line each. */
	public List<String> describe(String runId) {
		return this.jdbc.query("SELECT id, action_type, username, status, state_before, state_after, detail, undoes "
				+ "FROM action_journal WHERE run_id = ? ORDER BY id", (rs, i) -> "#" + rs.getLong("id") + " "
						+ ((rs.getObject("undoes") != null) ? "undo of #" + rs.getLong("undoes") + " " : "")
						+ rs.getString("action_type") + " @" + rs.getString("username") + ": " + rs.getString("status")
						+ " (before: " + rs.getString("state_before") + "; after: " + rs.getString("state_after")
						+ ") " + rs.getString("detail"), runId);
	}

	/** How many of a run's entries have this status. */
	public long count(String runId, ActionStatus status) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM action_journal WHERE run_id = ? AND status = ?",
				Long.class, runId, status.name());
		return (count != null) ? count : 0;
	}

	private Long insert(String runId, Action action, String status, @Nullable String before,
			@Nullable String detail, @Nullable Long undoes) {
		KeyHolder key = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO action_journal (run_id, action_type, phid, "
					+ "username, because, precondition, undoes, status, state_before, detail, intent_at, outcome_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			statement.setString(1, runId);
			statement.setString(2, action.type().name());
			statement.setString(3, action.phid());
			statement.setString(4, action.username());
			statement.setString(5, action.because().name());
			statement.setString(6, action.precondition().name());
			statement.setObject(7, undoes);
			statement.setString(8, status);
			statement.setString(9, before);
			statement.setString(10, detail);
			statement.setTimestamp(11, now);
			statement.setTimestamp(12, status.equals("INTENT") ? null : now);
			return statement;
		}, key);
		Number id = key.getKey();
		return (id != null) ? id.longValue() : -1L;
	}

	/** After an applied disable idsync owns the account's disabled state; after an enable it no longer does. */
	private void provenance(long entry) {
		Entry applied = this.jdbc.queryForObject(ENTRY + "WHERE id = ?", (rs, i) -> entry(rs), entry);
		if (applied == null) {
			return;
		}
		ActionType type = applied.action().type();
		if (type != ActionType.DISABLE && type != ActionType.ENABLE) {
			return;
		}
		// an undo of an enable disables, an undo of a disable enables
		boolean disabled = (type == ActionType.DISABLE) != (applied.undoes() != null);
		this.jdbc.update("DELETE FROM account_provenance WHERE phid = ?", applied.action().phid());
		if (disabled) {
			this.jdbc.update("INSERT INTO account_provenance (phid, username, disabled_at, run_id, reason) "
					+ "VALUES (?, ?, ?, ?, ?)", applied.action().phid(), applied.action().username(),
					Timestamp.from(this.clock.instant()), applied.runId(),
					applied.action().because().name() + " (journal entry #" + entry + ")");
		}
	}

	/** Whether idsync's journal says idsync disabled the account (and nobody enabled it through idsync since). */
	public boolean disabledByIdsync(String phid) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM account_provenance WHERE phid = ?", Long.class,
				phid);
		return count != null && count > 0;
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		Object undoes = rs.getObject("undoes");
		return new Entry(rs.getLong("id"), rs.getString("run_id"), new Action(ActionType.valueOf(rs.getString(
				"action_type")), rs.getString("phid"), rs.getString("username"), Category.valueOf(rs.getString(
						"because")), Precondition.valueOf(rs.getString("precondition"))),
				(undoes != null) ? ((Number) undoes).longValue() : null);
	}

}
