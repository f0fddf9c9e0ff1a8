package dev.idsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountDetails;
import dev.idsync.domain.AccountFacts;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.ManualMapping;
import dev.idsync.domain.Match;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.MergePolicy;
import dev.idsync.domain.Person;
import dev.idsync.domain.PersonCase;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.reconcile.CorrelationKeys;

/**
 * One run's staged population: identities as each source reports them, merged persons, Phorge accounts, and the
 * matches between them. Correlation by username and the grouping of claims are set operations in the database.
 */
public final class StagingStore {

	private static final String[] STAGING = { "stage_identity", "stage_person", "stage_person_email", "stage_account",
			"stage_match", "stage_entitled", "stage_account_email", "stage_account_link", "stage_account_security",
			"stage_token", "stage_person_source", "stage_admin", "stage_mapping", "stage_exemption", "stage_disable",
			"stage_claim" };

	/** The columns a {@link Person} is read from, on {@code stage_person} aliased {@code p}. */
	private static final String PERSON = "p.person_key, p.display_name, p.emails, p.lifecycle, p.sources, p.entitled, "
			+ "p.conflict, p.username_hint, p.admin_member";

	/** What Phorge's database staged about each account, aggregated per account (aliases s, t, e, l). */
	private static final String DETAILS = "LEFT JOIN stage_account_security s ON s.run_id = a.run_id AND s.phid = a.phid "
			+ "LEFT JOIN (SELECT owner_phid, COUNT(*) AS live_tokens, MIN(created_epoch) AS oldest_token FROM stage_token "
			+ "WHERE run_id = ? AND "
			+ "(expires_epoch IS NULL OR expires_epoch > ?) GROUP BY owner_phid) t ON t.owner_phid = a.phid "
			+ "LEFT JOIN (SELECT phid, COUNT(*) AS addresses, SUM(CASE WHEN verified THEN 0 ELSE 1 END) AS unverified "
			+ "FROM stage_account_email WHERE run_id = ? GROUP BY phid) e ON e.phid = a.phid "
			+ "LEFT JOIN (SELECT phid, COUNT(DISTINCT external_phid) AS links FROM stage_account_link WHERE run_id = ? "
			+ "GROUP BY phid) l ON l.phid = a.phid ";

	private static final String INSERT_MATCH = "INSERT INTO stage_match (run_id, person_key, phid, method, method_rank, "
			+ "detail) ";

	/** Neither the person {@code p} nor the account {@code a} has any match yet: weaker rules apply only then. */
	private static final String NEITHER_MATCHED = "AND NOT EXISTS (SELECT 1 FROM stage_match m WHERE m.run_id = "
			+ "p.run_id AND m.person_key = p.person_key) AND NOT EXISTS (SELECT 1 FROM stage_match m WHERE m.run_id = "
			+ "a.run_id AND m.phid = a.phid)";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final StoreDialect dialect;

	private final CorrelationKeys keys;

	public StagingStore(DataSource dataSource) {
		this(dataSource, CorrelationKeys.defaults());
	}

	/**
	 * A store that stages addresses, names and usernames as {@code keys} compares them.
	 * @param dataSource idsync's database
	 * @param keys how records are compared (domain aliases, the username rule)
	 */
	public StagingStore(DataSource dataSource, CorrelationKeys keys) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.keys = keys;
		this.dialect = new StoreDialect(this.jdbc);
	}

	/**
	 * Deletes what other runs staged, but for the runs in {@code keep} (this run, and runs that may still be restarted:
	 * a restart reads what its run staged). A table that holds nothing of a kept run (the usual case) is truncated:
	 * deleting millions of rows one by one in a transaction takes H2 many minutes and tens of gigabytes of file
	 * (bench/reconcile.sh).
	 */
	public void purgeExcept(Set<String> keep) {
		String kept = String.join(", ", Collections.nCopies(keep.size(), "?"));
		Object[] ids = keep.toArray();
		for (String table : STAGING) {
			if (Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table
					+ " WHERE run_id IN (" + kept + "))", Boolean.class, ids))) {
				this.jdbc.update("DELETE FROM " + table + " WHERE run_id NOT IN (" + kept + ")", ids);
			}
			else {
				this.jdbc.execute("TRUNCATE TABLE " + table);
			}
		}
	}

	/** Deletes one source's staged identities (a restarted read starts over). */
	public void deleteIdentities(String runId, String source) {
		this.jdbc.update("DELETE FROM stage_identity WHERE run_id = ? AND source = ?", runId, source);
	}

	/** Stages identities read from a source, keyed for merging as {@code policy} says. */
	public void insertIdentities(String runId, List<? extends SourceIdentity> identities, MergePolicy policy) {
		this.dialect.insert("stage_identity", "run_id, source, source_id, merge_key, person_key, emails, display_name, "
				+ "lifecycle, raw_status, employee_id, username_hint, external_key, status_since", identities,
				(identity) -> new @Nullable Object[] { runId, identity.source(), identity.sourceId(),
					policy.keyOf(identity), identity.primaryEmail(), String.join(" ", identity.emails()),
					identity.displayName(), identity.lifecycle().name(), identity.rawStatus(), identity.employeeId(),
					identity.usernameHint(), externalKey(identity),
					(identity.statusSince() != null) ? identity.statusSince().getEpochSecond() : null });
	}

	/**
	 * The key a Phorge external account identifies this record by: a Google account by its id, an LDAP account (Okta's
	 * LDAP interface) by the login's local part.
	 */
	static @Nullable String externalKey(SourceIdentity identity) {
		return switch (identity.source()) {
			case "google" -> "google:" + identity.sourceId();
			case "okta" -> "ldap:" + identity.primaryEmail().substring(0, identity.primaryEmail().indexOf('@'))
				.toLowerCase(Locale.ROOT);
			default -> null;
		};
	}

	/** Deletes one source's admin-group members (a restarted read starts over). */
	public void deleteAdmins(String runId, String source) {
		this.jdbc.update("DELETE FROM stage_admin WHERE run_id = ? AND source = ?", runId, source);
	}

	/** Stages the ids of people a source lists in its admin groups. */
	public void insertAdmins(String runId, String source, List<? extends String> sourceIds) {
		insertIds("stage_admin", runId, source, sourceIds);
	}

	/** Deletes one source's entitlement (a restarted read starts over). */
	public void deleteEntitled(String runId, String source) {
		this.jdbc.update("DELETE FROM stage_entitled WHERE run_id = ? AND source = ?", runId, source);
	}

	/** Stages the ids of people a source entitles to Phorge. */
	public void insertEntitled(String runId, String source, List<? extends String> sourceIds) {
		insertIds("stage_entitled", runId, source, sourceIds);
	}

	/** Stages a source's ids into {@code table}, each once however often the source listed it. */
	private void insertIds(String table, String runId, String source, List<? extends String> sourceIds) {
		this.jdbc.batchUpdate(this.dialect.insertNew(table, "run_id, source, source_id"), new LinkedHashSet<>(sourceIds),
				500, (statement, id) -> {
					statement.setString(1, runId);
					statement.setString(2, source);
					statement.setString(3, id);
				});
	}

	/**
	 * The staged identities, one group per person (records sharing a merge key), each with its entitlement: a record
	 * of a source with an entitlement rule is entitled when the source listed it, a record of any other source is.
	 * @param runId the run
	 * @param ruledSources the sources that have an entitlement rule
	 */
	public CloseableIterator<List<IdentityRecord>> identitiesByPerson(String runId, Set<String> ruledSources) {
		return identitiesByPerson(runId, ruledSources, Set.of());
	}

	/**
	 * The staged identities, one group per person, each with its entitlement and, for a source with admin groups,
	 * whether the source lists the record in them. Refreshes PostgreSQL's statistics of what the reads staged first.
	 * @param runId the run
	 * @param ruledSources the sources that have an entitlement rule
	 * @param adminSources the sources that have admin groups
	 */
	public CloseableIterator<List<IdentityRecord>> identitiesByPerson(String runId, Set<String> ruledSources,
			Set<String> adminSources) {
		// joins, not EXISTS per record (stage_entitled and stage_admin hold a record at most once): planned on this
		// run's statistics, PostgreSQL hashes and sorts (0.23 s instead of 1.0 s at 100,000 people); planned on the
		// statistics of the run before, a join loops over every record for each record, hence the ANALYZE here
		analyzeReads();
		String entitled = ruledSources.isEmpty() ? "TRUE"
				: "CASE WHEN i.source IN (" + String.join(", ", ruledSources.stream().map((s) -> "?").toList())
						+ ") THEN e.source_id IS NOT NULL ELSE TRUE END";
		String admin = adminSources.isEmpty() ? "CAST(NULL AS BOOLEAN)"
				: "CASE WHEN i.source IN (" + String.join(", ", adminSources.stream().map((s) -> "?").toList())
						+ ") THEN g.source_id IS NOT NULL END";
		List<Object> parameters = new ArrayList<>(ruledSources);
		parameters.addAll(adminSources);
		parameters.add(runId);
		Cursor<Keyed> rows = new Cursor<>(this.dataSource,
				"SELECT i.merge_key, i.source, i.source_id, i.person_key, i.emails, i.display_name, i.lifecycle, "
						+ "i.raw_status, i.employee_id, i.username_hint, i.status_since, " + entitled + " AS entitled, "
						+ admin + " AS admin FROM stage_identity i" + this.dialect.useIndex("stage_identity_merge")
						+ " LEFT JOIN stage_entitled e ON e.run_id = i.run_id AND e.source = i.source "
						+ "AND e.source_id = i.source_id LEFT JOIN stage_admin g ON g.run_id = i.run_id "
						+ "AND g.source = i.source AND g.source_id = i.source_id WHERE i.run_id = ? "
						+ "ORDER BY i.run_id, i.merge_key, i.source, i.source_id",
				(rs, i) -> new Keyed(rs.getString("merge_key"), new IdentityRecord(identity(rs), rs.getBoolean("entitled"),
						nullableBoolean(rs, "admin"))),
				parameters.toArray());
		return new Grouped<>(rows, Keyed::key).map((group) -> group.stream().map(Keyed::record).toList());
	}

	/** Deletes the merged persons (a restarted merge starts over). */
	public void deletePersons(String runId) {
		this.jdbc.update("DELETE FROM stage_person WHERE run_id = ?", runId);
		this.jdbc.update("DELETE FROM stage_person_email WHERE run_id = ?", runId);
		this.jdbc.update("DELETE FROM stage_person_source WHERE run_id = ?", runId);
	}

	/** Stages merged persons, and each of their addresses as a row of its own (compared case-insensitively). */
	public void insertPersons(String runId, List<? extends Person> persons) {
		List<String[]> addresses = new ArrayList<>();
		List<String[]> records = new ArrayList<>();
		for (Person person : persons) {
			Set<String> seen = new HashSet<>();
			for (String email : person.emails()) {
				String key = this.keys.emailKey(email);
				if (seen.add(key)) {
					addresses.add(new String[] { person.key(), email, key });
				}
			}
			for (String sourceId : person.sourceIds()) {
				int colon = sourceId.indexOf(':');
				records.add(new String[] { sourceId.substring(0, colon), sourceId.substring(colon + 1), person.key() });
			}
		}
		this.dialect.insert("stage_person_source", "run_id, source, source_id, person_key", records,
				(record) -> new Object[] { runId, record[0], record[1], record[2] });
		this.dialect.insert("stage_person_email", "run_id, person_key, address, address_key", addresses,
				(address) -> new Object[] { runId, address[0], address[1], address[2] });
		this.dialect.insert("stage_person", "run_id, person_key, username_key, display_name, emails, lifecycle, "
				+ "sources, entitled, conflict, username_hint, name_key, admin_member", persons,
				(person) -> new @Nullable Object[] { runId, person.key(), this.keys.username(person),
					person.displayName(), String.join(" ", person.emails()), person.lifecycle().name(), person.sources(),
					person.entitled(), person.conflict(), person.usernameHint(),
					CorrelationKeys.nameKey(person.displayName()), person.adminMember() });
	}

	/** Every merged person, by key. */
	public CloseableIterator<Person> persons(String runId) {
		return new Cursor<>(this.dataSource, "SELECT " + PERSON + " FROM stage_person p WHERE p.run_id = ? "
				+ "ORDER BY p.run_id, p.person_key", (rs, i) -> person(rs), runId);
	}

	/** The person with this key (a lower-cased primary email). */
	public Optional<Person> person(String runId, String key) {
		return this.jdbc.query("SELECT " + PERSON + " FROM stage_person p WHERE p.run_id = ? "
				+ "AND p.person_key = ?", (rs, i) -> person(rs), runId, key.toLowerCase(Locale.ROOT))
			.stream()
			.findFirst();
	}

	/** Deletes the staged accounts (a restarted read starts over). */
	public void deleteAccounts(String runId) {
		this.jdbc.update("DELETE FROM stage_account WHERE run_id = ?", runId);
	}

	/** Stages Phorge accounts. */
	public void insertAccounts(String runId, List<? extends Account> accounts) {
		this.dialect.insert("stage_account", "run_id, phid, account_id, username, username_key, real_name, kind, "
				+ "disabled, approved, admin, created_epoch, name_key", accounts,
				(account) -> new @Nullable Object[] { runId, account.phid(), account.id(), account.username(),
					account.username().toLowerCase(Locale.ROOT), account.realName(), account.kind().name(),
					account.disabled(), account.approved(), account.admin(), account.createdEpochSecond(),
					CorrelationKeys.nameKey(account.realName()) });
	}

	/** Deletes the matches made by one method (a restarted correlation step starts over). */
	public void deleteMatches(String runId, MatchMethod method) {
		this.jdbc.update("DELETE FROM stage_match WHERE run_id = ? AND method = ?", runId, method.name());
	}

	/** Stages correlation evidence; only matches to staged human accounts are kept. */
	public void insertMatches(String runId, List<? extends Match> matches) {
		this.jdbc.batchUpdate(INSERT_MATCH
				+ "SELECT ?, ?, ?, ?, ?, ? FROM stage_account a WHERE a.run_id = ? AND a.phid = ? AND a.kind = 'HUMAN'",
				matches, 500, (statement, match) -> {
					statement.setString(1, runId);
					statement.setString(2, match.personKey());
					statement.setString(3, match.phid());
					statement.setString(4, match.method().name());
					statement.setInt(5, match.method().ordinal());
					statement.setString(6, match.detail());
					statement.setString(7, runId);
					statement.setString(8, match.phid());
				});
	}

	/**
	 * Ties persons to human accounts holding one of their addresses, as Phorge's database lists them (staged by
	 * {@link AccountDetailStore}): a verified address is an {@link MatchMethod#EMAIL} match, an address the account
	 * added but never verified only an {@link MatchMethod#UNVERIFIED_EMAIL} one. Compared case-insensitively, like
	 * Phorge's collation; one join instead of a {@code user.query} call per address.
	 * @return how many matches were added
	 */
	public int matchByDatabaseEmail(String runId) {
		return this.jdbc.update(INSERT_MATCH
				+ "SELECT pe.run_id, pe.person_key, ae.phid, "
				+ "CASE WHEN ae.verified THEN ? ELSE ? END, CASE WHEN ae.verified THEN ? ELSE ? END, pe.address "
				+ "FROM stage_person_email pe "
				+ "JOIN stage_account_email ae ON ae.run_id = pe.run_id AND ae.address_key = pe.address_key "
				+ "JOIN stage_account a ON a.run_id = ae.run_id AND a.phid = ae.phid AND a.kind = 'HUMAN' "
				+ "WHERE pe.run_id = ?", MatchMethod.EMAIL.name(), MatchMethod.UNVERIFIED_EMAIL.name(),
				MatchMethod.EMAIL.ordinal(), MatchMethod.UNVERIFIED_EMAIL.ordinal(), runId);
	}

	/** Deletes the staged manual mappings (a restarted step starts over). */
	public void deleteMappings(String runId) {
		this.jdbc.update("DELETE FROM stage_mapping WHERE run_id = ?", runId);
	}

	/** Stages manual mappings in force this run (from the file and the table). */
	public void insertMappings(String runId, List<? extends ManualMapping> mappings) {
		this.jdbc.batchUpdate("INSERT INTO stage_mapping (run_id, username_key, identity_email, identity_source, "
				+ "identity_source_id, detail) VALUES (?, ?, ?, ?, ?, ?)", mappings, 500, (statement, mapping) -> {
					statement.setString(1, runId);
					statement.setString(2, mapping.username().toLowerCase(Locale.ROOT));
					boolean email = mapping.identity().contains("@");
					int colon = mapping.identity().indexOf(':');
					statement.setString(3, email ? this.keys.emailKey(mapping.identity()) : null);
					statement.setString(4, email ? null : mapping.identity().substring(0, colon));
					statement.setString(5, email ? null : mapping.identity().substring(colon + 1));
					statement.setString(6, truncate(mapping.describe(), 320));
				});
	}

	/**
	 * Ties persons to human accounts as the manual mappings say: by one of the person's addresses, or by a source's
	 * immutable id ({@code okta:00u…}).
	 * @return how many matches were added
	 */
	public int matchManual(String runId) {
		String rank = String.valueOf(MatchMethod.MANUAL.ordinal());
		return this.jdbc.update(INSERT_MATCH
				+ "SELECT DISTINCT m.run_id, pe.person_key, a.phid, 'MANUAL', " + rank + ", m.detail FROM stage_mapping m "
				+ "JOIN stage_account a ON a.run_id = m.run_id AND a.username_key = m.username_key AND a.kind = 'HUMAN' "
				+ "JOIN stage_person_email pe ON pe.run_id = m.run_id AND pe.address_key = m.identity_email "
				+ "WHERE m.run_id = ?", runId)
				+ this.jdbc.update(INSERT_MATCH
						+ "SELECT DISTINCT m.run_id, ps.person_key, a.phid, 'MANUAL', " + rank + ", m.detail "
						+ "FROM stage_mapping m "
						+ "JOIN stage_account a ON a.run_id = m.run_id AND a.username_key = m.username_key "
						+ "AND a.kind = 'HUMAN' "
						+ "JOIN stage_person_source ps ON ps.run_id = m.run_id AND ps.source = m.identity_source "
						+ "AND ps.source_id = m.identity_source_id "
						+ "WHERE m.run_id = ? AND NOT EXISTS (SELECT 1 FROM stage_match x WHERE x.run_id = m.run_id "
						+ "AND x.person_key = ps.person_key AND x.phid = a.phid AND x.detail = m.detail)", runId);
	}

	/**
	 * Ties persons to human accounts by the durable links of earlier runs: one of the person's source records
	 * (immutable id) was linked to the account.
	 * @return how many matches were added
	 */
	public int matchLinks(String runId) {
		return this.jdbc.update(INSERT_MATCH
				+ "SELECT DISTINCT ps.run_id, ps.person_key, l.phid, 'LINK', " + MatchMethod.LINK.ordinal() + ", "
				+ "l.source || ':' || l.source_id || ' (made from the ' || l.method || ' match of run ' "
				+ "|| l.linked_run || ')' "
				+ "FROM identity_link l "
				+ "JOIN stage_person_source ps ON ps.run_id = ? AND ps.source = l.source AND ps.source_id = l.source_id "
				+ "JOIN stage_account a ON a.run_id = ps.run_id AND a.phid = l.phid AND a.kind = 'HUMAN'", runId);
	}

	/**
	 * Ties persons to human accounts by the external accounts linked in Phorge (its database): a Google account id
	 * equal to the person's Google record, an LDAP uid equal to the local part of the person's Okta login.
	 * @return how many matches were added
	 */
	public int matchExternalIds(String runId) {
		return this.jdbc.update(INSERT_MATCH
				+ "SELECT DISTINCT ps.run_id, ps.person_key, l.phid, 'EXTERNAL_ID', " + MatchMethod.EXTERNAL_ID.ordinal()
				+ ", l.provider_type || ' ' || l.identifier FROM stage_account_link l "
				+ "JOIN stage_identity i ON i.run_id = l.run_id AND i.external_key = l.external_key "
				+ "JOIN stage_person_source ps ON ps.run_id = i.run_id AND ps.source = i.source "
				+ "AND ps.source_id = i.source_id "
				+ "JOIN stage_account a ON a.run_id = l.run_id AND a.phid = l.phid AND a.kind = 'HUMAN' "
				+ "WHERE l.run_id = ?", runId);
	}

	/**
	 * Proposes persons for enabled human accounts whose real name equals theirs, where neither side has any other
	 * match: low confidence, never acted on.
	 * @return how many proposals were added
	 */
	public int matchByRealName(String runId) {
		return this.jdbc.update(INSERT_MATCH
				+ "SELECT p.run_id, p.person_key, a.phid, 'REAL_NAME', " + MatchMethod.REAL_NAME.ordinal()
				+ ", a.real_name FROM stage_account a "
				+ "JOIN stage_person p ON p.run_id = a.run_id AND p.name_key = a.name_key "
				+ "WHERE a.run_id = ? AND a.kind = 'HUMAN' AND a.disabled = FALSE "
				+ NEITHER_MATCHED, runId);
	}

	/**
	 * Ties persons to human accounts whose username equals the one the username rule derives for them
	 * ({@link CorrelationKeys#username}), case-insensitively, where neither side has any stronger match: a username never
	 * overrides an email, an external account, a link or a mapping.
	 * @return how many matches were added
	 */
	public int matchByUsername(String runId) {
		return this.jdbc.update(INSERT_MATCH
				+ "SELECT p.run_id, p.person_key, a.phid, ?, ?, a.username FROM stage_person p "
				+ "JOIN stage_account a ON a.run_id = p.run_id AND a.username_key = p.username_key AND a.kind = 'HUMAN' "
				+ "WHERE p.run_id = ? "
				+ NEITHER_MATCHED,
				MatchMethod.USERNAME.name(), MatchMethod.USERNAME.ordinal(), runId);
	}

	/**
	 * Every account with the persons who claim it: one row per (account, person) pair at the pair's strongest
	 * method, with how many accounts that person claims in all, grouped per account in id order.
	 */
	public CloseableIterator<AccountCase> accountCases(String runId) {
		return accountCases(runId, null);
	}

	/**
	 * Every account with the persons who claim it and, when {@code detailsAt} is given, what Phorge's database
	 * staged about it ({@link AccountDetailStore}).
	 * @param runId the run
	 * @param detailsAt the epoch second tokens are judged live at, or {@code null} for no database details
	 */
	public CloseableIterator<AccountCase> accountCases(String runId, @Nullable Long detailsAt) {
		return accountCases(runId, detailsAt, null);
	}

	/**
	 * Every account with the persons who claim it, what Phorge's database staged about it, and whether idsync itself
	 * disabled it: its own journal ({@code account_provenance}), or Phorge's log naming idsync's bot as the one who
	 * last disabled it.
	 * @param runId the run
	 * @param detailsAt the epoch second tokens are judged live at, or {@code null} for no database details
	 * @param selfPhid idsync's own bot, or {@code null} when unknown
	 */
	public CloseableIterator<AccountCase> accountCases(String runId, @Nullable Long detailsAt,
			@Nullable String selfPhid) {
		boolean details = detailsAt != null;
		boolean phorgeLog = details && selfPhid != null;
		List<Object> args = new ArrayList<>();
		stageClaims(runId);
		StringBuilder sql = new StringBuilder("SELECT a.phid, a.account_id, a.username, a.real_name, a.kind, a.disabled, a.approved, a.admin, "
				+ "a.created_epoch, c.method_rank, c.detail, (SELECT COUNT(*) FROM stage_claim k WHERE k.run_id = c.run_id "
				+ "AND k.person_key = c.person_key AND k.method_rank < " + MatchMethod.REAL_NAME.ordinal() + ") AS claimed, "
				+ PERSON
				+ ", ap.disabled_at AS journal_at, ap.run_id AS journal_run, ap.reason AS journal_reason"
				+ (details ? ", s.mfa, t.live_tokens, t.oldest_token, e.addresses, e.unverified, l.links" : "")
				+ (phorgeLog ? ", sd.at_epoch AS self_disabled_at" : "")
				+ " FROM stage_account a" + this.dialect.useIndex("stage_account_order")
				+ " LEFT JOIN stage_claim c ON c.run_id = a.run_id AND c.phid = a.phid "
				+ "LEFT JOIN stage_person p ON p.run_id = a.run_id AND p.person_key = c.person_key "
				+ "LEFT JOIN account_provenance ap ON ap.phid = a.phid AND a.disabled = TRUE ");
		if (details) {
			sql.append(DETAILS);
			args.addAll(List.of(runId, detailsAt, runId, runId));
		}
		if (phorgeLog) {
			// the latest disable transaction of each account, when idsync's bot wrote it
			sql.append("LEFT JOIN (SELECT d.phid, MAX(d.at_epoch) AS at_epoch FROM stage_disable d WHERE d.run_id = ? "
					+ "AND d.disabled = TRUE AND d.author_phid = ? AND NOT EXISTS (SELECT 1 FROM stage_disable d2 "
					+ "WHERE d2.run_id = d.run_id AND d2.phid = d.phid AND d2.at_epoch > d.at_epoch) GROUP BY d.phid) sd "
					+ "ON sd.phid = a.phid AND a.disabled = TRUE ");
			args.addAll(List.of(runId, selfPhid));
		}
		// in the order of the index stage_account_order (hence run_id first), so that no database sorts every account;
		// an account's candidates are ordered below
		sql.append("WHERE a.run_id = ? ORDER BY a.run_id, a.account_id, a.phid");
		args.add(runId);
		Cursor<ClaimRow> rows = new Cursor<>(this.dataSource, sql.toString(),
				(rs, i) -> claim(rs, details, phorgeLog), args.toArray());
		return new Grouped<>(rows, (row) -> row.account().phid()).map(StagingStore::accountCase);
	}

	/**
	 * Refreshes PostgreSQL's statistics of the staging tables the reads have filled, before the merge joins them.
	 * A truncated table keeps the statistics of the run that filled it before, which say that every row belongs to
	 * that run and none to this one: planned on them, a join of this run's rows loops over every row for each row.
	 * H2 needs nothing.
	 */
	private void analyzeReads() {
		this.dialect.analyze("stage_identity, stage_entitled, stage_admin, stage_account, stage_account_email, "
				+ "stage_account_link, stage_account_security, stage_token, stage_disable, stage_mapping, "
				+ "stage_exemption, account_provenance");
	}

	/**
	 * Refreshes PostgreSQL's statistics of the persons the merge has just staged, before the correlation joins them
	 * with the accounts: without them its planner takes tables that were empty a minute ago for empty, and the
	 * correlation joins run as nested loops over everything (25 s at 600 people instead of milliseconds).
	 */
	public void analyze() {
		this.dialect.analyze("stage_person, stage_person_source, stage_person_email");
	}

	/**
	 * Stages each person's claim on each account at its strongest method, with that method's detail (the smallest,
	 * for a stable choice), replacing what the run staged before (a restarted classification starts over).
	 */
	private void stageClaims(String runId) {
		this.jdbc.update("DELETE FROM stage_claim WHERE run_id = ?", runId);
		// each pair's strongest method by a window over the pair, not a subquery per match: PostgreSQL ran that as a
		// loop over every match (1.5 s instead of 0.5 s at 100,000 people; H2 6.3 s instead of 4.8 s)
		this.jdbc.update("INSERT INTO stage_claim (run_id, phid, person_key, method_rank, detail) SELECT run_id, phid, "
				+ "person_key, method_rank, MIN(detail) FROM (SELECT m.run_id, m.phid, m.person_key, m.method_rank, "
				+ "m.detail, MIN(m.method_rank) OVER (PARTITION BY m.phid, m.person_key) AS strongest FROM stage_match m "
				+ "WHERE m.run_id = ?) w WHERE method_rank = strongest GROUP BY run_id, phid, person_key, method_rank",
				runId);
		this.dialect.analyze("stage_claim");
	}

	/**
	 * Refreshes PostgreSQL's statistics of the matches the correlation steps have written so far, before the next
	 * rule looks for what they left unmatched, and before the classification joins them with every account.
	 */
	public void analyzeMatches() {
		this.dialect.analyze("stage_match");
	}

	/** How many human accounts Phorge has this run: the base of the blast-radius percentages. */
	public long humanAccounts(String runId) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM stage_account WHERE run_id = ? AND kind = 'HUMAN'",
				Long.class, runId);
		return (count != null) ? count : 0;
	}

	/**
	 * Forgets that idsync disabled an account that is enabled this run: someone enabled it since, so idsync no longer
	 * owns its state and will not re-enable it later.
	 * @return how many provenance records were dropped
	 */
	public int dropStaleProvenance(String runId) {
		return this.jdbc.update("DELETE FROM account_provenance WHERE phid IN (SELECT a.phid FROM stage_account a "
				+ "WHERE a.run_id = ? AND a.disabled = FALSE)", runId);
	}

	/** Every person with whether any account was matched to them, by key. */
	public CloseableIterator<PersonCase> personCases(String runId) {
		return new Cursor<>(this.dataSource, "SELECT " + PERSON + ", EXISTS (SELECT 1 FROM stage_match m WHERE "
				+ "m.run_id = p.run_id AND m.person_key = p.person_key) AS claimed FROM stage_person p "
				+ "WHERE p.run_id = ? ORDER BY p.run_id, p.person_key", (rs, i) -> new PersonCase(person(rs), rs.getBoolean(
						"claimed")), runId);
	}

	private static AccountCase accountCase(List<ClaimRow> rows) {
		List<Candidate> candidates = new ArrayList<>();
		for (ClaimRow row : rows) {
			if (row.candidate() != null) {
				candidates.add(row.candidate());
			}
		}
		candidates.sort(Comparator.comparing((Candidate candidate) -> candidate.person().key()));
		ClaimRow first = rows.get(0);
		return new AccountCase(first.account(), candidates, null, first.details(),
				(first.disabledByIdsync() != null)
						? new AccountFacts(null, first.disabledByIdsync(), List.of(), null) : AccountFacts.NONE);
	}

	private static ClaimRow claim(ResultSet rs, boolean withDetails, boolean phorgeLog) throws SQLException {
		Account account = new Account(rs.getLong("account_id"), rs.getString("phid"), rs.getString("username"),
				rs.getString("real_name"), AccountKind.valueOf(rs.getString("kind")), rs.getBoolean("disabled"),
				rs.getBoolean("approved"), rs.getBoolean("admin"), rs.getLong("created_epoch"));
		AccountDetails details = withDetails ? details(rs) : null;
		String disabledByIdsync = null;
		if (rs.getTimestamp("journal_at") != null) {
			disabledByIdsync = "idsync's journal: idsync disabled it on " + rs.getTimestamp("journal_at").toInstant()
					+ " (run " + rs.getString("journal_run") + "): " + rs.getString("journal_reason");
		}
		else if (phorgeLog) {
			long at = rs.getLong("self_disabled_at");
			if (!rs.wasNull()) {
				disabledByIdsync = "phorge database: the last disable of the account was made by idsync's bot, on "
						+ java.time.Instant.ofEpochSecond(at);
			}
		}
		if (rs.getString("person_key") == null) {
			return new ClaimRow(account, null, details, disabledByIdsync);
		}
		MatchMethod method = MatchMethod.values()[rs.getInt("method_rank")];
		return new ClaimRow(account, new Candidate(person(rs), method, rs.getString("detail"), rs.getInt("claimed")),
				details, disabledByIdsync);
	}

	private static AccountDetails details(ResultSet rs) throws SQLException {
		boolean mfa = rs.getBoolean("mfa");
		Boolean known = rs.wasNull() ? null : mfa;
		long oldest = rs.getLong("oldest_token");
		Long oldestToken = rs.wasNull() ? null : oldest;
		return new AccountDetails(known, rs.getInt("live_tokens"), rs.getInt("addresses"), rs.getInt("unverified"),
				rs.getInt("links"), oldestToken);
	}

	private static Person person(ResultSet rs) throws SQLException {
		return new Person(rs.getString("person_key"), rs.getString("display_name"),
				List.of(rs.getString("emails").split(" ")), Lifecycle.valueOf(rs.getString("lifecycle")),
				rs.getString("sources"), rs.getBoolean("entitled"), rs.getString("conflict"),
				rs.getString("username_hint"), nullableBoolean(rs, "admin_member"), List.of());
	}

	private static @Nullable Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	private static SourceIdentity identity(ResultSet rs) throws SQLException {
		return new SourceIdentity(rs.getString("source"), rs.getString("source_id"), rs.getString("person_key"),
				List.of(rs.getString("emails").split(" ")), rs.getString("display_name"),
				Lifecycle.valueOf(rs.getString("lifecycle")), rs.getString("raw_status"), rs.getString("employee_id"),
				rs.getString("username_hint"), epochSeconds(rs, "status_since"));
	}

	private static @Nullable Instant epochSeconds(ResultSet rs, String column) throws SQLException {
		long seconds = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochSecond(seconds);
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** One row of the identities query: a record and its merge key. */
	private record Keyed(String key, IdentityRecord record) {
	}

	/** One row of the claims query: an account and, when someone claims it, one candidate. */
	private record ClaimRow(Account account, @Nullable Candidate candidate, @Nullable AccountDetails details,
			@Nullable String disabledByIdsync) {
	}

}
