package dev.idsync.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.Exemption;
import dev.idsync.domain.ManualMapping;

/**
 * Manual mappings and exemptions: the lasting tables admins maintain, and what is in force in one run (the tables,
 * the files and the protected accounts, staged together).
 */
public final class MappingStore {

	private final JdbcTemplate jdbc;

	public MappingStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Adds a lasting manual mapping. */
	public void addMapping(String username, String identity, String addedBy, String reason, Instant at) {
		this.jdbc.update("INSERT INTO manual_mapping (username, identity, added_by, reason, added_at) "
				+ "VALUES (?, ?, ?, ?, ?)", username, identity, addedBy, reason, Timestamp.from(at));
	}

	/** The lasting manual mappings, oldest first. */
	public List<ManualMapping> mappings() {
		return this.jdbc.query("SELECT id, username, identity, added_by, reason FROM manual_mapping ORDER BY id",
				(rs, i) -> new ManualMapping(rs.getString("username"), rs.getString("identity"),
						rs.getString("added_by"), rs.getString("reason"), "manual_mapping #" + rs.getLong("id")));
	}

	/** Adds a lasting exemption. */
	public void addExemption(String username, String owner, String reason, LocalDate expires, Instant at) {
		this.jdbc.update("INSERT INTO exemption (username, owner, reason, expires, added_at) VALUES (?, ?, ?, ?, ?)",
				username, owner, reason, Date.valueOf(expires), Timestamp.from(at));
	}

	/** The lasting exemptions, oldest first. */
	public List<Exemption> exemptions() {
		return this.jdbc.query("SELECT id, username, owner, reason, expires FROM exemption ORDER BY id",
				(rs, i) -> new Exemption(rs.getString("username"), rs.getString("owner"), rs.getString("reason"),
						rs.getDate("expires").toLocalDate(), "exemption #" + rs.getLong("id")));
	}

	/** Deletes a run's staged exemptions (a restarted step starts over). */
	public void deleteStagedExemptions(String runId) {
		this.jdbc.update("DELETE FROM stage_exemption WHERE run_id = ?", runId);
	}

	/** Stages the exemptions in force this run (protected accounts without expiry). */
	public void stageExemptions(String runId, List<Exemption> exemptions) {
		this.jdbc.batchUpdate("INSERT INTO stage_exemption (run_id, username_key, owner, reason, expires, origin) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", exemptions, 500, (statement, exemption) -> {
					statement.setString(1, runId);
					statement.setString(2, exemption.username().toLowerCase(Locale.ROOT));
					statement.setString(3, exemption.owner());
					statement.setString(4, exemption.reason());
					statement.setDate(5, (exemption.expires() != null) ? Date.valueOf(exemption.expires()) : null);
					statement.setString(6, exemption.origin());
				});
	}

	/**
	 * A run's exemptions by lower-cased username: where one account has several, a protection wins, else the one that
	 * holds longest.
	 */
	public Map<String, Exemption> stagedExemptions(String runId) {
		Map<String, Exemption> byUsername = new HashMap<>();
		this.jdbc.query("SELECT username_key, owner, reason, expires, origin FROM stage_exemption WHERE run_id = ?",
				(rs) -> {
					Date expires = rs.getDate("expires");
					Exemption exemption = new Exemption(rs.getString("username_key"), rs.getString("owner"),
							rs.getString("reason"), (expires != null) ? expires.toLocalDate() : null,
							rs.getString("origin"));
					byUsername.merge(exemption.username(), exemption, MappingStore::stronger);
				}, runId);
		return byUsername;
	}

	private static Exemption stronger(Exemption a, Exemption b) {
		if (a.expires() == null) {
			return a;
		}
		if (b.expires() == null) {
			return b;
		}
		return b.expires().isAfter(a.expires()) ? b : a;
	}

}
