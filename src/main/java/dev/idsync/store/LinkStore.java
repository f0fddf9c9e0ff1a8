package dev.idsync.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.LinkedPerson;

/**
 * Durable links between identities' immutable ids and Phorge accounts, kept across runs: made from high-confidence
 * correlations, used as evidence by later runs, and never silently replaced: a run whose evidence contradicts a link
 * (a changed IdP id, a reused username, an address that moved to another person) reports it instead.
 */
public final class LinkStore {

	/** How old a link's last recorded confirmation may get before a run that confirms it again records that. */
	private static final java.time.Duration CONFIRMATION_AGE = java.time.Duration.ofDays(7);

	/** The account states whose one, high-confidence identity is linked durably. */
	private static final String LINKED_STATES = "'LINKED_OK', 'LEAVER_ACTIVE', 'NOT_ENTITLED', 'PENDING_APPROVAL', "
			+ "'REENABLE_CANDIDATE', 'LINKED_DISABLED', 'EXEMPT'";

	/** The correlation methods strong enough to link durably. */
	private static final String HIGH_METHODS = "'MANUAL', 'LINK', 'EXTERNAL_ID', 'EMAIL'";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	public LinkStore(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * How this run's evidence contradicts earlier links, by account: the account was linked to a source record that
	 * the (completely read) source no longer has, nobody holds a live link or a manual mapping to it, and yet someone
	 * else's evidence claims it now.
	 * @param runId the run
	 * @param completeSources the sources this run read completely (a record missing from any other proves nothing)
	 * @return one sentence per contradiction, by PHID
	 */
	public Map<String, List<String>> contradictions(String runId, Set<String> completeSources) {
		Map<String, List<String>> byPhid = new HashMap<>();
		if (completeSources.isEmpty()) {
			return byPhid;
		}
		List<Object> args = new ArrayList<>(List.of(runId));
		args.addAll(completeSources);
		this.jdbc.query("SELECT l.phid, l.source, l.source_id, l.person_key, l.method, l.linked_at, l.linked_run, "
				+ "m.person_key AS now_person, m.method AS now_method FROM identity_link l "
				+ "JOIN stage_match m ON m.run_id = ? AND m.phid = l.phid "
				+ "WHERE l.source IN (" + String.join(", ", completeSources.stream().map((s) -> "?").toList()) + ") "
				+ "AND NOT EXISTS (SELECT 1 FROM stage_identity i WHERE i.run_id = m.run_id AND i.source = l.source "
				+ "AND i.source_id = l.source_id) "
				+ "AND NOT EXISTS (SELECT 1 FROM stage_match x WHERE x.run_id = m.run_id AND x.phid = l.phid "
				+ "AND x.method IN ('LINK', 'MANUAL')) "
				+ "ORDER BY l.phid, l.source, l.source_id, m.person_key, m.method", (rs) -> {
					String line = "earlier link: " + rs.getString("source") + ":" + rs.getString("source_id") + " ("
							+ rs.getString("person_key") + ", by " + rs.getString("method") + " since "
							+ rs.getTimestamp("linked_at").toInstant() + ") is gone from " + rs.getString("source")
							+ ", yet " + rs.getString("now_person") + " claims the account now by "
							+ rs.getString("now_method") + ": a changed IdP id, a reused username or a moved address";
					List<String> lines = byPhid.computeIfAbsent(rs.getString("phid"), (phid) -> new ArrayList<>());
					if (!lines.contains(line)) {
						lines.add(line);
					}
				}, args.toArray());
		return byPhid;
	}

	/**
	 * Records the links this run established: every source record of the one person linked at high confidence to an
	 * account is linked (or confirmed) durably; a manual mapping replaces the account's other links. A link's
	 * {@code confirmed_at} is refreshed when it is older than a week: it says that a run confirmed the link then, and
	 * that none has contradicted it since (a contradiction is a finding, and a manual mapping replaces the link).
	 * @param runId the run, whose account findings are recorded
	 * @param now when
	 * @return how many links were made (not counting confirmations)
	 */
	public int record(String runId, Instant now) {
		Timestamp at = Timestamp.from(now);
		String linked = "FROM finding f JOIN stage_person_source ps ON ps.run_id = f.run_id AND ps.person_key = f.identity "
				+ "WHERE f.run_id = ? AND f.phid IS NOT NULL AND f.category IN (" + LINKED_STATES + ") "
				+ "AND f.matched_by IN (" + HIGH_METHODS + ")";
		this.jdbc.update("DELETE FROM identity_link WHERE EXISTS (SELECT 1 FROM finding f WHERE f.run_id = ? "
				+ "AND f.phid = identity_link.phid AND f.matched_by = 'MANUAL' AND f.category IN (" + LINKED_STATES + ")) "
				+ "AND NOT EXISTS (SELECT 1 " + linked + " AND f.phid = identity_link.phid "
				+ "AND ps.source = identity_link.source AND ps.source_id = identity_link.source_id)", runId, runId);
		// a confirmation older than a week is refreshed: rewriting every link every night cost H2 most of this step
		this.jdbc.update("UPDATE identity_link SET confirmed_at = ?, confirmed_run = ? WHERE confirmed_at < ? "
				+ "AND EXISTS (SELECT 1 " + linked + " AND f.phid = identity_link.phid AND ps.source = identity_link.source "
				+ "AND ps.source_id = identity_link.source_id)", at, runId, Timestamp.from(now.minus(CONFIRMATION_AGE)),
				runId);
		return this.jdbc.update("INSERT INTO identity_link (source, source_id, phid, username, person_key, method, "
				+ "confidence, linked_at, linked_run, confirmed_at, confirmed_run) "
				+ "SELECT ps.source, ps.source_id, f.phid, f.username, f.identity, f.matched_by, 'HIGH', ?, ?, ?, ? "
				+ linked + " AND NOT EXISTS (SELECT 1 FROM identity_link l WHERE l.source = ps.source "
				+ "AND l.source_id = ps.source_id AND l.phid = f.phid)", at, runId, at, runId, runId);
	}

	/** Every durable link of an account, as {@code source:id}, in order. */
	public Set<String> linksOf(String phid) {
		return new LinkedHashSet<>(this.jdbc.query("SELECT source, source_id FROM identity_link WHERE phid = ? "
				+ "ORDER BY source, source_id", (rs, i) -> rs.getString("source") + ":" + rs.getString("source_id"), phid));
	}

	/** Whether an earlier run linked any identity to an account: if not, this is a first run. */
	public boolean anyBefore(String runId) {
		return !this.jdbc.queryForList("SELECT 1 FROM identity_link WHERE linked_run <> ? FETCH FIRST 1 ROWS ONLY",
				Integer.class, runId).isEmpty();
	}


	/** The run whose population is staged (the newest run: staging is cleared when a run starts), if any. */
	public Optional<String> stagedRun() {
		return this.jdbc.query("SELECT run_id FROM stage_person FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> rs.getString("run_id")).stream().findFirst();
	}

	/**
	 * Every account durably linked to a person of the staged run, with that person as the run saw them: joined by the
	 * immutable source ids, so that a changed address or username does not lose anyone.
	 * @param runId the staged run
	 * @param activeOnly only people active in the identity sources
	 * @return one entry per account, by email then PHID
	 */
	public CloseableIterator<LinkedPerson> linkedPeople(String runId, boolean activeOnly) {
		Cursor<Object[]> rows = new Cursor<>(this.dataSource, "SELECT l.phid, COALESCE(a.username, l.username) AS "
				+ "username, p.person_key, p.display_name, l.source, l.source_id FROM identity_link l "
				+ "JOIN stage_person_source ps ON ps.run_id = ? AND ps.source = l.source "
				+ "AND ps.source_id = l.source_id "
				+ "JOIN stage_person p ON p.run_id = ps.run_id AND p.person_key = ps.person_key "
				+ "LEFT JOIN stage_account a ON a.run_id = ps.run_id AND a.phid = l.phid "
				+ (activeOnly ? "WHERE p.lifecycle = 'ACTIVE' " : "")
				+ "ORDER BY p.person_key, l.phid, l.source, l.source_id",
				(rs, i) -> new Object[] { rs.getString("phid"), rs.getString("username"), rs.getString("person_key"),
						rs.getString("display_name"), rs.getString("source"), rs.getString("source_id") },
				runId);
		return new Grouped<>(rows, (row) -> row[2] + " " + row[0]).map(LinkStore::person);
	}

	private static LinkedPerson person(List<Object[]> rows) {
		Object[] first = rows.get(0);
		Map<String, String> ids = new TreeMap<>();
		rows.forEach((row) -> ids.putIfAbsent((String) row[4], (String) row[5]));
		return new LinkedPerson((String) first[1], (String) first[0], (String) first[2], (String) first[3], ids);
	}

}
