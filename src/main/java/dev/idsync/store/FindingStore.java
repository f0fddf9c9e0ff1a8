package dev.idsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.Precondition;

/**
 * The findings and planned actions of each run: the run's lasting record.
 */
public final class FindingStore {

	private static final String ACTION = "action_type, phid, username, because, precondition, status, reason";

	private static final String COLUMNS = "f.category, f.username, f.phid, f.identity, f.rule, f.evidence, "
			+ "f.matched_by, f.first_seen, f.runs_seen, f.since_last";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final StoreDialect dialect;

	public FindingStore(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.dialect = new StoreDialect(this.jdbc);
	}

	/** Deletes a run's findings about accounts (a restarted classification starts over). */
	public void deleteAccountFindings(String runId) {
		this.jdbc.update("DELETE FROM finding WHERE run_id = ? AND username IS NOT NULL", runId);
	}

	/** Deletes a run's findings about identities only (a restarted classification starts over). */
	public void deleteIdentityFindings(String runId) {
		this.jdbc.update("DELETE FROM finding WHERE run_id = ? AND username IS NULL", runId);
	}

	/**
	 * Records findings with their history against the last complete run before theirs: when each was first seen, in
	 * how many consecutive complete runs, new or persisting. The earlier findings are looked up per batch, and each
	 * finding is inserted with its history (updating every finding of the run afterwards rewrote each row, its
	 * evidence included).
	 * @param runId the run
	 * @param findings its findings
	 * @param previous the last earlier run that read every source completely, or {@code null} when there is none
	 * @param now when this run first sees what is new
	 */
	public void insertFindings(String runId, List<? extends Finding> findings, @Nullable String previous,
			Instant now) {
		Map<String, Object[]> earlier = (previous != null) ? earlier(previous, findings) : Map.of();
		Timestamp at = Timestamp.from(now);
		this.dialect.insert("finding", "run_id, category, severity, username, phid, identity, rule, evidence, "
				+ "matched_by, subject, first_seen, runs_seen, since_last", findings, (finding) -> {
					Object[] seen = earlier.get(finding.subject() + "\u0000" + finding.category().name());
					return new @Nullable Object[] { runId, finding.category().name(),
						finding.category().severity().name(), finding.username(), finding.phid(), finding.identity(),
						finding.rule(), String.join("\n", finding.evidence()),
						(finding.matchedBy() != null) ? finding.matchedBy().name() : null, finding.subject(),
						(seen != null && seen[0] != null) ? (Timestamp) seen[0] : at,
						(seen != null) ? ((Number) seen[1]).intValue() + 1 : 1, (seen != null) ? "PERSISTING" : "NEW" };
				});
	}

	/**
	 * What the earlier run found about these findings' subjects, by subject and category: when first seen, and in how
	 * many runs. One query per 500 subjects, through the index finding_subject.
	 */
	private Map<String, Object[]> earlier(String previous, List<? extends Finding> findings) {
		List<String> subjects = findings.stream().map(Finding::subject).distinct().toList();
		Map<String, Object[]> earlier = new HashMap<>();
		for (int from = 0; from < subjects.size(); from += 500) {
			List<String> some = subjects.subList(from, Math.min(subjects.size(), from + 500));
			List<Object> arguments = new ArrayList<>(some.size() + 1);
			arguments.add(previous);
			arguments.addAll(some);
			this.jdbc.query("SELECT subject, category, MIN(first_seen) AS first_seen, MAX(runs_seen) AS runs_seen "
					+ "FROM finding WHERE run_id = ? AND subject IN (" + String.join(", ", Collections.nCopies(
							some.size(), "?")) + ") GROUP BY subject, category", (ResultSet rs) -> {
						Timestamp first = rs.getTimestamp("first_seen");
						earlier.put(rs.getString("subject") + "\u0000" + rs.getString("category"),
								new Object[] { first, rs.getInt("runs_seen") });
					}, arguments.toArray());
		}
		return earlier;
	}

	/**
	 * Records which findings of the last complete run before this one are gone (drift only, not states that are
	 * fine): resolved. (Each finding's own history was recorded as it was inserted.)
	 * @param runId the run
	 * @param previous the last earlier run that read every source completely, or {@code null} when there is none
	 * @param complete whether this run read every source completely: only then is a finding that is gone resolved
	 * (an incomplete run cannot tell a resolved finding from one it could not conclude)
	 */
	public void recordResolved(String runId, @Nullable String previous, boolean complete) {
		this.jdbc.update("DELETE FROM finding_resolved WHERE run_id = ?", runId);
		if (previous == null || !complete) {
			return;
		}
		this.jdbc.update("INSERT INTO finding_resolved (run_id, category, subject, username, identity, first_seen, "
				+ "runs_seen) SELECT ?, p.category, p.subject, MIN(p.username), MIN(p.identity), MIN(p.first_seen), "
				+ "MAX(p.runs_seen) FROM finding p WHERE p.run_id = ? AND p.severity <> 'OK' AND p.subject IS NOT NULL "
				+ "AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.run_id = ? AND f.subject = p.subject "
				+ "AND f.category = p.category) GROUP BY p.category, p.subject", runId, previous, runId);
	}

	/**
	 * Refreshes PostgreSQL's statistics of the findings, which every run grows, before the run comparison joins them.
	 * Not of identity_link: the comparison inserts into it what it does not hold yet, and statistics taken while it
	 * is empty (the first night) make PostgreSQL check each new link against every link the statement has inserted
	 * so far (a nested loop over a table it believes empty: 200 s at 100,000 people); autovacuum analyzes it once it
	 * has grown.
	 */
	public void analyze() {
		this.dialect.analyze("finding, finding_resolved");
	}

	/** How many of a run's findings are new, persisting, and how many of the last complete run's were resolved. */
	public Map<FindingHistory.Change, Long> countByChange(String runId) {
		Map<FindingHistory.Change, Long> counts = new EnumMap<>(FindingHistory.Change.class);
		for (FindingHistory.Change change : FindingHistory.Change.values()) {
			counts.put(change, 0L);
		}
		this.jdbc.query("SELECT since_last, COUNT(*) AS n FROM finding WHERE run_id = ? AND since_last IS NOT NULL "
				+ "AND severity <> 'OK' GROUP BY since_last", (ResultSet rs) -> {
					counts.put(FindingHistory.Change.valueOf(rs.getString("since_last")), rs.getLong("n"));
				}, runId);
		counts.put(FindingHistory.Change.RESOLVED, this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM finding_resolved WHERE run_id = ?", Long.class, runId));
		return counts;
	}

	/**
	 * How many of a run's drift and info findings of each category are new or persisting, and how many of the last
	 * complete run's were resolved (only categories that have any).
	 */
	public Map<Category, Map<FindingHistory.Change, Long>> countByCategoryAndChange(String runId) {
		Map<Category, Map<FindingHistory.Change, Long>> counts = new EnumMap<>(Category.class);
		this.jdbc.query("SELECT category, since_last AS since, COUNT(*) AS n FROM finding WHERE run_id = ? "
				+ "AND since_last IS NOT NULL AND severity <> 'OK' GROUP BY category, since_last "
				+ "UNION ALL SELECT category, 'RESOLVED' AS since, COUNT(*) AS n FROM finding_resolved "
				+ "WHERE run_id = ? GROUP BY category", (ResultSet rs) -> {
					counts.computeIfAbsent(Category.valueOf(rs.getString("category")),
							(category) -> new EnumMap<>(FindingHistory.Change.class))
						.put(FindingHistory.Change.valueOf(rs.getString("since")), rs.getLong("n"));
				}, runId, runId);
		return counts;
	}

	/** The findings of the last complete run that this run no longer has, by category and subject. */
	public List<Finding> resolved(String runId) {
		return this.jdbc.query("SELECT category, username, identity, subject, first_seen, runs_seen FROM finding_resolved "
				+ "WHERE run_id = ? ORDER BY category, username, identity", (rs, i) -> new Finding(
						Category.valueOf(rs.getString("category")), rs.getString("username"),
						rs.getString("username") != null ? rs.getString("subject") : null,
						(rs.getString("identity") != null || rs.getString("username") != null)
								? rs.getString("identity") : rs.getString("subject"),
						"no longer reported", List.of(), null,
						new FindingHistory(rs.getTimestamp("first_seen").toInstant(), rs.getInt("runs_seen"),
								FindingHistory.Change.RESOLVED)), runId);
	}

	/**
	 * A run's findings that call for an action, except those of exempt or protected accounts, each with what the
	 * grace periods and never-touch rules look at.
	 * @param runId the run
	 * @param categories the categories that call for an action
	 */
	public CloseableIterator<Actionable> actionableFindings(String runId, Set<Category> categories) {
		String in = categories.stream().map((category) -> "'" + category.name() + "'").sorted()
			.collect(Collectors.joining(", "));
		return new Cursor<>(this.dataSource, "SELECT " + COLUMNS + ", a.created_epoch, a.admin, "
				+ "(SELECT MAX(i.status_since) FROM stage_person_source ps JOIN stage_identity i ON i.run_id = ps.run_id "
				+ "AND i.source = ps.source AND i.source_id = ps.source_id WHERE ps.run_id = f.run_id "
				+ "AND ps.person_key = f.identity AND i.lifecycle IN ('SUSPENDED', 'DEPROVISIONED')) AS inactive_since "
				+ "FROM finding f LEFT JOIN stage_account a ON a.run_id = f.run_id AND a.phid = f.phid "
				+ "WHERE f.run_id = ? AND f.category IN (" + in + ") "
				+ "AND NOT EXISTS (SELECT 1 FROM finding e WHERE e.run_id = f.run_id AND e.subject = f.subject "
				+ "AND e.category = 'EXEMPT') ORDER BY f.username, f.id", (rs, i) -> {
					long since = rs.getLong("inactive_since");
					Instant inactiveSince = rs.wasNull() ? null : Instant.ofEpochSecond(since);
					long created = rs.getLong("created_epoch");
					return new Actionable(finding(rs), inactiveSince, rs.wasNull() ? null : Instant.ofEpochSecond(
							created), rs.getBoolean("admin"));
				}, runId);
	}

	/**
	 * A finding that calls for an action, with what the grace periods and never-touch rules look at.
	 *
	 * @param finding the finding
	 * @param inactiveSince when the identity sources say the person became inactive (the latest such change), if
	 * they say
	 * @param accountCreated when the account was created
	 * @param admin whether the account is a Phorge administrator
	 */
	public record Actionable(Finding finding, @Nullable Instant inactiveSince, @Nullable Instant accountCreated,
			boolean admin) {
	}

	/** A run's finding of this category about this account, if it has one. */
	public java.util.Optional<Finding> finding(String runId, String phid, Category category) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM finding f WHERE f.run_id = ? AND f.phid = ? AND "
				+ "f.category = ? ORDER BY f.id FETCH FIRST 1 ROWS ONLY", (rs, i) -> finding(rs), runId, phid,
				category.name()).stream().findFirst();
	}

	/** A run's findings: account findings by username, then identity findings by identity. */
	public CloseableIterator<Finding> findings(String runId) {
		return new Cursor<>(this.dataSource, "SELECT " + COLUMNS + " FROM finding f" + this.dialect.useIndex("finding_report") + " WHERE run_id = ? "
				// run_id first, though it is one value: so H2 sees that the index finding_report gives this order
				+ "ORDER BY run_id, username NULLS LAST, identity, id", (rs, i) -> finding(rs), runId);
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

	/** Records planned actions with their status and its reason. */
	public void insertActions(String runId, List<? extends PlannedAction> actions) {
		this.jdbc.batchUpdate("INSERT INTO planned_action (run_id, action_type, phid, username, because, precondition, "
				+ "status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", actions, 500, (statement, planned) -> {
					Action action = planned.action();
					statement.setString(1, runId);
					statement.setString(2, action.type().name());
					statement.setString(3, action.phid());
					statement.setString(4, action.username());
					statement.setString(5, action.because().name());
					statement.setString(6, action.precondition().name());
					statement.setString(7, planned.status().name());
					statement.setString(8, planned.reason());
				});
	}

	/** A run's planned actions, by type and username. */
	public CloseableIterator<PlannedAction> actions(String runId) {
		return new Cursor<>(this.dataSource, "SELECT " + ACTION + " FROM planned_action WHERE run_id = ? "
				+ "ORDER BY action_type, username", (rs, i) -> plannedAction(rs), runId);
	}

	/** A run's planned actions with one of these statuses, in the order they were planned. */
	public List<PlannedAction> actions(String runId, Set<ActionStatus> statuses) {
		String in = statuses.stream().map((status) -> "'" + status.name() + "'").collect(Collectors.joining(", "));
		return this.jdbc.query("SELECT " + ACTION + " FROM planned_action WHERE run_id = ? AND status IN (" + in
				+ ") ORDER BY id", (rs, i) -> plannedAction(rs), runId);
	}

	/** Records what became of one planned action. */
	public void settle(String runId, Action action, ActionStatus status, @Nullable String reason) {
		this.jdbc.update("UPDATE planned_action SET status = ?, reason = ? WHERE run_id = ? AND action_type = ? "
				+ "AND phid = ?", status.name(), reason, runId, action.type().name(), action.phid());
	}

	/** Moves every planned action of a run from one status to another, with a reason. */
	public int promote(String runId, ActionStatus from, ActionStatus to, @Nullable String reason) {
		return this.jdbc.update("UPDATE planned_action SET status = ?, reason = ? WHERE run_id = ? AND status = ?",
				to.name(), reason, runId, from.name());
	}

	/** How many of a run's actions have each type and status. */
	public Map<ActionType, Map<ActionStatus, Long>> countByTypeAndStatus(String runId) {
		Map<ActionType, Map<ActionStatus, Long>> counts = new EnumMap<>(ActionType.class);
		this.jdbc.query("SELECT action_type, status, COUNT(*) AS n FROM planned_action WHERE run_id = ? "
				+ "GROUP BY action_type, status", (ResultSet rs) -> {
					counts.computeIfAbsent(ActionType.valueOf(rs.getString("action_type")),
							(type) -> new EnumMap<>(ActionStatus.class))
						.put(ActionStatus.valueOf(rs.getString("status")), rs.getLong("n"));
				}, runId);
		return counts;
	}

	private static PlannedAction plannedAction(ResultSet rs) throws SQLException {
		return new PlannedAction(new Action(ActionType.valueOf(rs.getString("action_type")), rs.getString("phid"),
				rs.getString("username"), Category.valueOf(rs.getString("because")),
				Precondition.valueOf(rs.getString("precondition"))), ActionStatus.valueOf(rs.getString("status")),
				rs.getString("reason"));
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
		Timestamp firstSeen = rs.getTimestamp("first_seen");
		FindingHistory history = (firstSeen != null && rs.getString("since_last") != null)
				? new FindingHistory(firstSeen.toInstant(), rs.getInt("runs_seen"),
						FindingHistory.Change.valueOf(rs.getString("since_last")))
				: null;
		return new Finding(Category.valueOf(rs.getString("category")), rs.getString("username"), rs.getString("phid"),
				rs.getString("identity"), rs.getString("rule"), List.of(rs.getString("evidence").split("\n")),
				(matchedBy != null) ? MatchMethod.valueOf(matchedBy) : null, history);
	}

}
