package dev.idsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.PlannedAction;

/**
 * The findings and planned actions of each run: the run's lasting record.
 */
public final class FindingStore {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	public FindingStore(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Deletes a run's findings about accounts (a restarted classification starts over). */
	public void deleteAccountFindings(String runId) {
		this.jdbc.update("DELETE FROM finding WHERE run_id = ? AND username IS NOT NULL", runId);
	}

	/** Deletes a run's findings about identities only (a restarted classification starts over). */
	public void deleteIdentityFindings(String runId) {
		this.jdbc.update("DELETE FROM finding WHERE run_id = ? AND username IS NULL", runId);
	}

	/** Records findings. */
	public void insertFindings(String runId, List<? extends Finding> findings) {
		this.jdbc.batchUpdate("INSERT INTO finding (run_id, category, severity, username, phid, identity, rule, "
				+ "evidence, matched_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", findings, 500, (statement, finding) -> {
					statement.setString(1, runId);
					statement.setString(2, finding.category().name());
					statement.setString(3, finding.category().severity().name());
					statement.setString(4, finding.username());
					statement.setString(5, finding.phid());
					statement.setString(6, finding.identity());
					statement.setString(7, finding.rule());
					statement.setString(8, String.join("\n", finding.evidence()));
					statement.setString(9, (finding.matchedBy() != null) ? finding.matchedBy().name() : null);
				});
	}

	/** A run's findings: account findings by username, then identity findings by identity. */
	public CloseableIterator<Finding> findings(String runId) {
		return new Cursor<>(this.dataSource, "SELECT category, username, phid, identity, rule, evidence, matched_by "
				+ "FROM finding WHERE run_id = ? ORDER BY CASE WHEN username IS NULL THEN 1 ELSE 0 END, username, "
				+ "identity, id", (rs, i) -> finding(rs), runId);
	}

	/** How many findings a run has of each category (every category present, zero where none). */
	public Map<Category, Long> countByCategory(String runId) {
		Map<Category, Long> counts = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			counts.put(category, 0L);
		}
		this.jdbc.query("SELECT category, COUNT(*) AS n FROM finding WHERE run_id = ? GROUP BY category",
				(ResultSet rs) -> {
					counts.put(Category.valueOf(rs.getString("category")), rs.getLong("n"));
				}, runId);
		return counts;
	}

	/** Deletes a run's planned actions (a restarted plan starts over). */
	public void deleteActions(String runId) {
		this.jdbc.update("DELETE FROM planned_action WHERE run_id = ?", runId);
	}

	/** Records planned actions with their status (e.g. not applied because the run is a dry run). */
	public void insertActions(String runId, List<? extends Action> actions, String status) {
		this.jdbc.batchUpdate("INSERT INTO planned_action (run_id, action_type, phid, username, because, precondition, "
				+ "status) VALUES (?, ?, ?, ?, ?, ?, ?)", actions, 500, (statement, action) -> {
					statement.setString(1, runId);
					statement.setString(2, action.type().name());
					statement.setString(3, action.phid());
					statement.setString(4, action.username());
					statement.setString(5, action.because().name());
					statement.setString(6, action.precondition());
					statement.setString(7, status);
				});
	}

	/** A run's planned actions, by type and username. */
	public CloseableIterator<PlannedAction> actions(String runId) {
		return new Cursor<>(this.dataSource, "SELECT action_type, phid, username, because, precondition, status "
				+ "FROM planned_action WHERE run_id = ? ORDER BY action_type, username", (rs, i) -> new PlannedAction(
						new Action(ActionType.valueOf(rs.getString("action_type")), rs.getString("phid"),
								rs.getString("username"), Category.valueOf(rs.getString("because")),
								rs.getString("precondition")),
						rs.getString("status")),
				runId);
	}

	/** How many actions a run planned of each type (every type present). */
	public Map<ActionType, Long> countByActionType(String runId) {
		Map<ActionType, Long> counts = new EnumMap<>(ActionType.class);
		for (ActionType type : ActionType.values()) {
			counts.put(type, 0L);
		}
		this.jdbc.query("SELECT action_type, COUNT(*) AS n FROM planned_action WHERE run_id = ? GROUP BY action_type",
				(ResultSet rs) -> {
					counts.put(ActionType.valueOf(rs.getString("action_type")), rs.getLong("n"));
				}, runId);
		return counts;
	}

	private static Finding finding(ResultSet rs) throws SQLException {
		String matchedBy = rs.getString("matched_by");
		return new Finding(Category.valueOf(rs.getString("category")), rs.getString("username"), rs.getString("phid"),
				rs.getString("identity"), rs.getString("rule"), List.of(rs.getString("evidence").split("\n")),
				(matchedBy != null) ? MatchMethod.valueOf(matchedBy) : null);
	}

}
