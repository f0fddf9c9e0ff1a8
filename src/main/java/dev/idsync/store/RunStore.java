package dev.idsync.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.GateResult;
import dev.idsync.domain.RunTally;
import dev.idsync.domain.SourceRead;

/**
 * The runs of the nightly job and how each read its sources.
 */
public final class RunStore {

	private final JdbcTemplate jdbc;

	public RunStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Records that a run started (or restarted: the row is kept). */
	public void started(String runId, Instant startedAt, String mode, String reportDir) {
		int updated = this.jdbc.update("UPDATE idsync_run SET status = 'RUNNING', finished_at = NULL WHERE run_id = ?",
				runId);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO idsync_run (run_id, started_at, mode, status, report_dir) "
					+ "VALUES (?, ?, ?, 'RUNNING', ?)", runId, Timestamp.from(startedAt), mode, reportDir);
		}
	}

	/** Records how a run ended. */
	public void finished(String runId, Instant finishedAt, String status, @Nullable Integer exitCode) {
		this.jdbc.update("UPDATE idsync_run SET finished_at = ?, status = ?, exit_code = ? WHERE run_id = ?",
				Timestamp.from(finishedAt), status, exitCode, runId);
	}

	/** Records a run that ended without recording it (its own record failed, e.g. on a full disk) as FAILED. */
	public void failIfRunning(String runId, Instant at) {
		this.jdbc.update("UPDATE idsync_run SET status = 'FAILED', finished_at = ?, exit_code = 1 WHERE run_id = ? "
				+ "AND status = 'RUNNING'", Timestamp.from(at), runId);
	}

	/** Records whether a run read every source completely (its findings are then the baseline of the next run). */
	public void sourcesComplete(String runId, boolean complete) {
		this.jdbc.update("UPDATE idsync_run SET sources_complete = ? WHERE run_id = ?", complete, runId);
	}

	/** The last run before this one that completed and read every source completely. */
	public Optional<String> previousCompleteRun(String runId) {
		return this.jdbc.query("SELECT r.run_id FROM idsync_run r WHERE r.run_id <> ? AND r.sources_complete = TRUE "
				+ "AND r.status = 'COMPLETED' AND r.started_at < (SELECT s.started_at FROM idsync_run s WHERE s.run_id = ?) "
				+ "ORDER BY r.started_at DESC FETCH FIRST 1 ROWS ONLY", (rs, i) -> rs.getString("run_id"), runId, runId)
			.stream()
			.findFirst();
	}

	/**
	 * Deletes the findings, actions and reads of all but the newest {@code keep} runs, never those of the last run
	 * that read every source completely (the next run's baseline) nor of a run that may still be restarted. The run
	 * list itself is kept.
	 * @return how many runs' records were deleted
	 */
	public int purgeOldRuns(String currentRunId, int keep) {
		List<String> old = this.jdbc.query("SELECT run_id FROM idsync_run WHERE run_id <> ? ORDER BY started_at DESC",
				(rs, i) -> rs.getString("run_id"), currentRunId);
		String baseline = previousCompleteRun(currentRunId).orElse(null);
		Set<String> restartable = restartable();
		int purged = 0;
		for (String runId : old.subList(Math.min(old.size(), Math.max(0, keep - 1)), old.size())) {
			if (runId.equals(baseline) || restartable.contains(runId)) {
				continue;
			}
			for (String table : new String[] { "finding", "finding_resolved", "planned_action", "source_read", "run_gate", "run_note" }) {
				this.jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
			}
			purged++;
		}
		return purged;
	}

	/**
	 * The runs that may still be restarted: neither completed nor abandoned, and started after the newest run that
	 * completed (a restart of an older run would act on what it read before that run). Their staged rows and records
	 * are kept.
	 */
	public Set<String> restartable() {
		return new HashSet<>(this.jdbc.queryForList("SELECT r.run_id FROM idsync_run r WHERE r.status NOT IN "
				+ "('COMPLETED', 'ABANDONED', 'SKIPPED') AND NOT EXISTS (SELECT 1 FROM idsync_run c WHERE c.status = 'COMPLETED' "
				+ "AND c.started_at > r.started_at)", String.class));
	}

	/**
	 * Why a run may not be restarted, if it may not: it is unknown, completed, abandoned, or older than a run that
	 * completed since.
	 */
	public Optional<String> restartRefusal(String runId) {
		List<String> status = this.jdbc.queryForList("SELECT status FROM idsync_run WHERE run_id = ?", String.class,
				runId);
		if (status.isEmpty()) {
			return Optional.of("no run " + runId + " is recorded in idsync's store; 'idsync history' lists runs");
		}
		if ("COMPLETED".equals(status.get(0))) {
			return Optional.of("run " + runId + " completed; there is nothing to restart");
		}
		if ("SKIPPED".equals(status.get(0))) {
			return Optional.of("run " + runId + " was a scheduled run that did not happen; there is nothing to restart");
		}
		if ("ABANDONED".equals(status.get(0))) {
			return Optional.of("run " + runId + " was " + abandonment(runId).orElse("abandoned") + "; a restart "
					+ "would act on what it read then. Start a new run instead: idsync run --config FILE");
		}
		return this.jdbc.queryForList("SELECT c.run_id FROM idsync_run c JOIN idsync_run r ON r.run_id = ? WHERE "
				+ "c.status = 'COMPLETED' AND c.started_at > r.started_at ORDER BY c.started_at DESC", String.class,
				runId)
			.stream()
			.findFirst()
			.map((newer) -> "run " + newer + " started after run " + runId + " and completed; a restart of " + runId
					+ " would act on what it read before " + newer + ". Start a new run instead: idsync run --config "
					+ "FILE");
	}

	/**
	 * Marks every run still recorded as RUNNING, but for {@code except}, as ABANDONED: called by the holder of the
	 * run lock, so no process runs them any more.
	 * @param except the run the holder continues ({@code --restart}), or none
	 * @param at when the holder took the store
	 * @param by who took it
	 * @return the runs marked
	 */
	public List<String> abandonRunning(Set<String> except, Instant at, String by) {
		List<String> dead = this.jdbc.queryForList("SELECT run_id FROM idsync_run WHERE status = 'RUNNING' ORDER BY "
				+ "started_at", String.class);
		List<String> abandoned = new ArrayList<>();
		for (String runId : dead) {
			if (!except.contains(runId)) {
				this.jdbc.update("UPDATE idsync_run SET status = 'ABANDONED', abandoned_at = ?, abandoned_by = ? "
						+ "WHERE run_id = ? AND status = 'RUNNING'", Timestamp.from(at), by, runId);
				abandoned.add(runId);
			}
		}
		return abandoned;
	}

	/**
	 * Records a scheduled run that did not happen ({@code idsync serve}): missed while no serve was up for longer than
	 * the misfire threshold, or refused because another run held the store. It shows in the history as SKIPPED, with
	 * why; it is never a baseline and never restarted.
	 * @param runId the id it is recorded under
	 * @param scheduledFor when it was due
	 * @param at when it was skipped
	 * @param why in one sentence
	 */
	public void skipped(String runId, Instant scheduledFor, Instant at, String why) {
		this.jdbc.update("INSERT INTO idsync_run (run_id, started_at, finished_at, mode, status) VALUES (?, ?, ?, "
				+ "'scheduled', 'SKIPPED')", runId, Timestamp.from(scheduledFor), Timestamp.from(at));
		recordNotes(runId, List.of(why));
	}

	/** Why a run was skipped, if it was. */
	public Optional<String> skip(String runId) {
		return this.jdbc.queryForList("SELECT n.note FROM run_note n JOIN idsync_run r ON r.run_id = n.run_id WHERE "
				+ "n.run_id = ? AND r.status = 'SKIPPED' ORDER BY n.seq", String.class, runId).stream().findFirst();
	}

	/** When and by whom a run was found abandoned, in words, if it was. */
	public Optional<String> abandonment(String runId) {
		return this.jdbc.query("SELECT abandoned_at, abandoned_by FROM idsync_run WHERE run_id = ? AND status = "
				+ "'ABANDONED' AND abandoned_at IS NOT NULL", (rs, i) -> "abandoned: its process ended while it held "
						+ "the store; " + rs.getString("abandoned_by") + " found it so at "
						+ rs.getTimestamp("abandoned_at").toInstant().truncatedTo(ChronoUnit.SECONDS).toString()
							.replace('T', ' ').replace("Z", " UTC"),
				runId).stream().findFirst();
	}

	/** When a run started. */
	public Optional<Instant> startedAt(String runId) {
		return this.jdbc.query("SELECT started_at FROM idsync_run WHERE run_id = ?",
				(rs, i) -> rs.getTimestamp("started_at").toInstant(), runId).stream().findFirst();
	}

	/** Records how reading one source went (replacing an earlier attempt's record). */
	public void recordRead(String runId, SourceRead read) {
		this.jdbc.update("DELETE FROM source_read WHERE run_id = ? AND source = ?", runId, read.name());
		this.jdbc.update("INSERT INTO source_read (run_id, source, pages, items, retries, rate_limit_waits, "
				+ "duration_ms, complete, reason, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runId, read.name(),
				read.pages(), read.items(), read.retries(), read.rateLimitWaits(), read.durationMs(), read.complete(),
				read.reason(), read.problems().isEmpty() ? null : String.join("\n", read.problems()));
	}

	/** How a run read its sources, by name. */
	public List<SourceRead> reads(String runId) {
		return this.jdbc.query("SELECT source, pages, items, retries, rate_limit_waits, duration_ms, complete, reason, "
				+ "problems FROM source_read WHERE run_id = ? ORDER BY source", (rs, i) -> new SourceRead(
						rs.getString("source"), rs.getInt("pages"), rs.getInt("items"), rs.getInt("retries"),
						rs.getInt("rate_limit_waits"), rs.getLong("duration_ms"), rs.getBoolean("complete"),
						rs.getString("reason"), (rs.getString("problems") != null)
								? List.of(rs.getString("problems").split("\n")) : List.of()),
				runId);
	}

	/** How many items a source held in the most recent other run that read it completely. */
	public Optional<Integer> lastCompleteItems(String source, String exceptRunId) {
		return this.jdbc.query("SELECT sr.items FROM source_read sr JOIN idsync_run r ON r.run_id = sr.run_id "
				+ "WHERE sr.source = ? AND sr.complete = TRUE AND sr.run_id <> ? ORDER BY r.started_at DESC "
				+ "FETCH FIRST 1 ROWS ONLY", (rs, i) -> rs.getInt("items"), source, exceptRunId).stream().findFirst();
	}

	/** Records the outcome of a run's safety gates (a restarted run records them again). */
	public void recordGates(String runId, List<GateResult> gates) {
		this.jdbc.update("DELETE FROM run_gate WHERE run_id = ?", runId);
		for (int i = 0; i < gates.size(); i++) {
			GateResult gate = gates.get(i);
			this.jdbc.update("INSERT INTO run_gate (run_id, seq, gate, passed, message) VALUES (?, ?, ?, ?, ?)", runId,
					i, gate.gate(), gate.passed(), gate.message());
		}
	}

	/** The outcome of a run's safety gates, in the order they were evaluated. */
	public List<GateResult> gates(String runId) {
		return this.jdbc.query("SELECT gate, passed, message FROM run_gate WHERE run_id = ? ORDER BY seq",
				(rs, i) -> new GateResult(rs.getString("gate"), rs.getBoolean("passed"), rs.getString("message")),
				runId);
	}

	/** Records a written plan's content hash and lifetime, so that an edited plan is refused. */
	public void recordPlan(String runId, String hash, Instant created, Instant expires) {
		this.jdbc.update("DELETE FROM remediation_plan WHERE run_id = ?", runId);
		this.jdbc.update("INSERT INTO remediation_plan (run_id, content_hash, created_at, expires_at) VALUES "
				+ "(?, ?, ?, ?)", runId, hash, Timestamp.from(created), Timestamp.from(expires));
	}

	/** The hash recorded for a run's written plan, if it wrote one. */
	public Optional<String> planHash(String runId) {
		return this.jdbc.query("SELECT content_hash FROM remediation_plan WHERE run_id = ?",
				(rs, i) -> rs.getString("content_hash"), runId).stream().findFirst();
	}

	/** When a run's written plan was applied, if it was. */
	public Optional<Instant> planApplied(String runId) {
		return this.jdbc.query("SELECT applied_at FROM remediation_plan WHERE run_id = ? AND applied_at IS NOT NULL",
				(rs, i) -> rs.getTimestamp("applied_at").toInstant(), runId).stream().findFirst();
	}

	/** Records that a run's written plan was applied. */
	public void planApplied(String runId, Instant at) {
		this.jdbc.update("UPDATE remediation_plan SET applied_at = ? WHERE run_id = ?", Timestamp.from(at), runId);
	}

	/** A run's mode as recorded ({@code apply, dry run}, …), if the run is known. */
	public Optional<String> mode(String runId) {
		return this.jdbc.queryForList("SELECT mode FROM idsync_run WHERE run_id = ?", String.class, runId).stream()
			.findFirst();
	}

	/** Records where a run's report goes from now on (a restart with {@code --report-dir}). */
	public void reportDir(String runId, String reportDir) {
		this.jdbc.update("UPDATE idsync_run SET report_dir = ? WHERE run_id = ?", reportDir, runId);
	}

	/** Records how a run is described in the history from now on ({@code plan+apply} once its plan was applied). */
	public void mode(String runId, String mode) {
		this.jdbc.update("UPDATE idsync_run SET mode = ? WHERE run_id = ?", mode, runId);
	}

	/** The folder a run's report went into, if the run is known. */
	public Optional<String> reportDir(String runId) {
		return this.jdbc.queryForList("SELECT report_dir FROM idsync_run WHERE run_id = ?", String.class, runId)
			.stream().filter(java.util.Objects::nonNull).findFirst();
	}


	/** When a run ended, once it did. */
	public Optional<Instant> finishedAt(String runId) {
		return this.jdbc.query("SELECT finished_at FROM idsync_run WHERE run_id = ? AND finished_at IS NOT NULL",
				(rs, i) -> rs.getTimestamp("finished_at").toInstant(), runId).stream().findFirst();
	}

	/** When the newest run that completed and read every source completely ended, if one did. */
	public Optional<Instant> lastSuccess() {
		return this.jdbc.query("SELECT finished_at FROM idsync_run WHERE status = 'COMPLETED' AND sources_complete = "
				+ "TRUE AND finished_at IS NOT NULL ORDER BY finished_at DESC FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> rs.getTimestamp("finished_at").toInstant()).stream().findFirst();
	}

	/** The newest run that completed (its report was written), if any. */
	public Optional<String> lastCompletedRun() {
		return this.jdbc.query("SELECT run_id FROM idsync_run WHERE status = 'COMPLETED' ORDER BY started_at DESC "
				+ "FETCH FIRST 1 ROWS ONLY", (rs, i) -> rs.getString("run_id")).stream().findFirst();
	}

	/**
	 * The newest runs with their counts, oldest first.
	 * @param limit how many runs at most
	 * @return one tally per run
	 */
	public List<RunTally> tallies(int limit) {
		List<RunTally> newestFirst = this.jdbc.query("SELECT r.run_id, r.started_at, r.mode, r.status, r.exit_code, "
				+ "r.sources_complete, EXISTS (SELECT 1 FROM source_read s WHERE s.run_id = r.run_id) AS kept, "
				+ "(SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id) AS findings, "
				+ "(SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id AND f.severity = 'DRIFT') AS drift, "
				+ "(SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id AND f.severity <> 'OK') AS attention, "
				+ "(SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id AND f.severity <> 'OK' "
				+ "AND f.since_last = 'NEW') AS new_since_last, "
				+ "(SELECT COUNT(*) FROM finding_resolved x WHERE x.run_id = r.run_id) AS resolved "
				+ "FROM idsync_run r ORDER BY r.started_at DESC, r.run_id DESC FETCH FIRST ? ROWS ONLY",
				(rs, i) -> new RunTally(rs.getString("run_id"), rs.getTimestamp("started_at").toInstant(),
						rs.getString("mode"), rs.getString("status"), rs.getObject("exit_code", Integer.class),
						rs.getObject("sources_complete", Boolean.class), rs.getBoolean("kept"),
						rs.getLong("findings"), rs.getLong("drift"), rs.getLong("attention"),
						rs.getLong("new_since_last"), rs.getLong("resolved")),
				limit);
		List<RunTally> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}


	/** Whether a run completed and read every source completely. */
	public boolean completeAndCompleted(String runId) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM idsync_run WHERE run_id = ? "
				+ "AND status = 'COMPLETED' AND sources_complete = TRUE", Long.class, runId);
		return count != null && count > 0;
	}

	/** Records what a run says besides findings and actions (a restarted run records it again). */
	public void recordNotes(String runId, List<String> notes) {
		this.jdbc.update("DELETE FROM run_note WHERE run_id = ?", runId);
		for (int i = 0; i < notes.size(); i++) {
			this.jdbc.update("INSERT INTO run_note (run_id, seq, note) VALUES (?, ?, ?)", runId, i, notes.get(i));
		}
	}

	/** What a run says besides findings and actions, in order. */
	public List<String> notes(String runId) {
		return this.jdbc.queryForList("SELECT note FROM run_note WHERE run_id = ? ORDER BY seq", String.class, runId);
	}

}
