package dev.idsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
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
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.Match;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.MergePolicy;
import dev.idsync.domain.Person;
import dev.idsync.domain.PersonCase;
import dev.idsync.domain.SourceIdentity;

/**
 * One run's staged population: identities as each source reports them, merged persons, Phorge accounts, and the
 * matches between them. Correlation by username and the grouping of claims are set operations in the database.
 */
public final class StagingStore {

	private static final String[] STAGING = { "stage_identity", "stage_person", "stage_person_email", "stage_account",
			"stage_match", "stage_entitled", "stage_account_email", "stage_account_link", "stage_account_security",
			"stage_token" };

	/** The columns a {@link Person} is read from, on {@code stage_person} aliased {@code p}. */
	private static final String PERSON = "p.person_key, p.display_name, p.emails, p.lifecycle, p.sources, p.entitled, "
			+ "p.conflict, p.username_hint";

	/** What Phorge's database staged about each account, aggregated per account (aliases s, t, e, l). */
	private static final String DETAILS = "LEFT JOIN stage_account_security s ON s.run_id = a.run_id AND s.phid = a.phid "
			+ "LEFT JOIN (SELECT owner_phid, COUNT(*) AS live_tokens FROM stage_token WHERE run_id = ? AND "
			+ "(expires_epoch IS NULL OR expires_epoch > ?) GROUP BY owner_phid) t ON t.owner_phid = a.phid "
			+ "LEFT JOIN (SELECT phid, COUNT(*) AS addresses, SUM(CASE WHEN verified THEN 0 ELSE 1 END) AS unverified "
			+ "FROM stage_account_email WHERE run_id = ? GROUP BY phid) e ON e.phid = a.phid "
			+ "LEFT JOIN (SELECT phid, COUNT(DISTINCT external_phid) AS links FROM stage_account_link WHERE run_id = ? "
			+ "GROUP BY phid) l ON l.phid = a.phid ";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	public StagingStore(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Deletes what earlier runs staged: only the findings and actions of a run are kept. */
	public void purgeOtherRuns(String runId) {
		for (String table : STAGING) {
			this.jdbc.update("DELETE FROM " + table + " WHERE run_id <> ?", runId);
		}
	}

	/** Deletes one source's staged identities (a restarted read starts over). */
	public void deleteIdentities(String runId, String source) {
		this.jdbc.update("DELETE FROM stage_identity WHERE run_id = ? AND source = ?", runId, source);
	}

	/** Stages identities read from a source, keyed for merging as {@code policy} says. */
	public void insertIdentities(String runId, List<? extends SourceIdentity> identities, MergePolicy policy) {
		this.jdbc.batchUpdate("INSERT INTO stage_identity (run_id, source, source_id, merge_key, person_key, emails, "
				+ "display_name, lifecycle, raw_status, employee_id, username_hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				identities, 500, (statement, identity) -> {
					statement.setString(1, runId);
					statement.setString(2, identity.source());
					statement.setString(3, identity.sourceId());
					statement.setString(4, policy.keyOf(identity));
					statement.setString(5, identity.primaryEmail());
					statement.setString(6, String.join(" ", identity.emails()));
					statement.setString(7, identity.displayName());
					statement.setString(8, identity.lifecycle().name());
					statement.setString(9, identity.rawStatus());
					statement.setString(10, identity.employeeId());
					statement.setString(11, identity.usernameHint());
				});
	}

	/** Deletes one source's entitlement (a restarted read starts over). */
	public void deleteEntitled(String runId, String source) {
		this.jdbc.update("DELETE FROM stage_entitled WHERE run_id = ? AND source = ?", runId, source);
	}

	/** Stages the ids of people a source entitles to Phorge. */
	public void insertEntitled(String runId, String source, List<? extends String> sourceIds) {
		this.jdbc.batchUpdate("INSERT INTO stage_entitled (run_id, source, source_id) SELECT ?, ?, ? FROM (VALUES (1)) v "
				+ "WHERE NOT EXISTS (SELECT 1 FROM stage_entitled WHERE run_id = ? AND source = ? AND source_id = ?)",
				sourceIds, 500, (statement, id) -> {
					statement.setString(1, runId);
					statement.setString(2, source);
					statement.setString(3, id);
					statement.setString(4, runId);
					statement.setString(5, source);
					statement.setString(6, id);
				});
	}

	/**
	 * The staged identities, one group per person (records sharing a merge key), each with its entitlement: a record
	 * of a source with an entitlement rule is entitled when the source listed it, a record of any other source is.
	 * @param runId the run
	 * @param ruledSources the sources that have an entitlement rule
	 */
	public CloseableIterator<List<IdentityRecord>> identitiesByPerson(String runId, Set<String> ruledSources) {
		String entitled = ruledSources.isEmpty() ? "TRUE"
				: "CASE WHEN i.source IN (" + String.join(", ", ruledSources.stream().map((s) -> "?").toList())
						+ ") THEN EXISTS (SELECT 1 FROM stage_entitled e WHERE e.run_id = i.run_id AND e.source = "
						+ "i.source AND e.source_id = i.source_id) ELSE TRUE END";
		List<Object> parameters = new ArrayList<>(ruledSources);
		parameters.add(runId);
		Cursor<Keyed> rows = new Cursor<>(this.dataSource,
				"SELECT i.merge_key, i.source, i.source_id, i.person_key, i.emails, i.display_name, i.lifecycle, "
						+ "i.raw_status, i.employee_id, i.username_hint, " + entitled + " AS entitled "
						+ "FROM stage_identity i WHERE i.run_id = ? ORDER BY i.merge_key, i.source, i.source_id",
				(rs, i) -> new Keyed(rs.getString("merge_key"), new IdentityRecord(identity(rs), rs.getBoolean("entitled"))),
				parameters.toArray());
		return new Grouped<>(rows, Keyed::key).map((group) -> group.stream().map(Keyed::record).toList());
	}

	/** Deletes the merged persons (a restarted merge starts over). */
	public void deletePersons(String runId) {
		this.jdbc.update("DELETE FROM stage_person WHERE run_id = ?", runId);
		this.jdbc.update("DELETE FROM stage_person_email WHERE run_id = ?", runId);
	}

	/** Stages merged persons, and each of their addresses as a row of its own (compared case-insensitively). */
	public void insertPersons(String runId, List<? extends Person> persons) {
		List<String[]> addresses = new ArrayList<>();
		for (Person person : persons) {
			Set<String> keys = new HashSet<>();
			for (String email : person.emails()) {
				if (keys.add(email.toLowerCase(Locale.ROOT))) {
					addresses.add(new String[] { person.key(), email, email.toLowerCase(Locale.ROOT) });
				}
			}
		}
		this.jdbc.batchUpdate("INSERT INTO stage_person_email (run_id, person_key, address, address_key) "
				+ "VALUES (?, ?, ?, ?)", addresses, 500, (statement, address) -> {
					statement.setString(1, runId);
					statement.setString(2, address[0]);
					statement.setString(3, address[1]);
					statement.setString(4, address[2]);
				});
		this.jdbc.batchUpdate("INSERT INTO stage_person (run_id, person_key, username_key, display_name, emails, "
				+ "lifecycle, sources, entitled, conflict, username_hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", persons,
				500, (statement, person) -> {
					statement.setString(1, runId);
					statement.setString(2, person.key());
					statement.setString(3, person.usernameCandidate());
					statement.setString(4, person.displayName());
					statement.setString(5, String.join(" ", person.emails()));
					statement.setString(6, person.lifecycle().name());
					statement.setString(7, person.sources());
					statement.setBoolean(8, person.entitled());
					statement.setString(9, person.conflict());
					statement.setString(10, person.usernameHint());
				});
	}

	/** Every merged person, by key. */
	public CloseableIterator<Person> persons(String runId) {
		return new Cursor<>(this.dataSource, "SELECT " + PERSON + " FROM stage_person p WHERE p.run_id = ? "
				+ "ORDER BY p.person_key", (rs, i) -> person(rs), runId);
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
		this.jdbc.batchUpdate("INSERT INTO stage_account (run_id, phid, account_id, username, username_key, "
				+ "real_name, kind, disabled, approved, admin, created_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				accounts, 500, (statement, account) -> {
					statement.setString(1, runId);
					statement.setString(2, account.phid());
					statement.setLong(3, account.id());
					statement.setString(4, account.username());
					statement.setString(5, account.username().toLowerCase(Locale.ROOT));
					statement.setString(6, account.realName());
					statement.setString(7, account.kind().name());
					statement.setBoolean(8, account.disabled());
					statement.setBoolean(9, account.approved());
					statement.setBoolean(10, account.admin());
					statement.setLong(11, account.createdEpochSecond());
				});
	}

	/** Deletes the matches made by one method (a restarted correlation step starts over). */
	public void deleteMatches(String runId, MatchMethod method) {
		this.jdbc.update("DELETE FROM stage_match WHERE run_id = ? AND method = ?", runId, method.name());
	}

	/** Stages correlation evidence; only matches to staged human accounts are kept. */
	public void insertMatches(String runId, List<? extends Match> matches) {
		this.jdbc.batchUpdate("INSERT INTO stage_match (run_id, person_key, phid, method, method_rank, detail) "
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
		return this.jdbc.update("INSERT INTO stage_match (run_id, person_key, phid, method, method_rank, detail) "
				+ "SELECT pe.run_id, pe.person_key, ae.phid, "
				+ "CASE WHEN ae.verified THEN ? ELSE ? END, CASE WHEN ae.verified THEN ? ELSE ? END, pe.address "
				+ "FROM stage_person_email pe "
				+ "JOIN stage_account_email ae ON ae.run_id = pe.run_id AND ae.address_key = pe.address_key "
				+ "JOIN stage_account a ON a.run_id = ae.run_id AND a.phid = ae.phid AND a.kind = 'HUMAN' "
				+ "WHERE pe.run_id = ?", MatchMethod.EMAIL.name(), MatchMethod.UNVERIFIED_EMAIL.name(),
				MatchMethod.EMAIL.ordinal(), MatchMethod.UNVERIFIED_EMAIL.ordinal(), runId);
	}

	/**
	 * Ties persons to human accounts whose username equals their username candidate (a source's username hint, else
	 * the primary email's local part), case-insensitively, where neither side has any email match: a username never
	 * overrides an email.
	 * @return how many matches were added
	 */
	public int matchByUsername(String runId) {
		return this.jdbc.update("INSERT INTO stage_match (run_id, person_key, phid, method, method_rank, detail) "
				+ "SELECT p.run_id, p.person_key, a.phid, ?, ?, a.username FROM stage_person p "
				+ "JOIN stage_account a ON a.run_id = p.run_id AND a.username_key = p.username_key AND a.kind = 'HUMAN' "
				+ "WHERE p.run_id = ? "
				+ "AND NOT EXISTS (SELECT 1 FROM stage_match m WHERE m.run_id = p.run_id AND m.person_key = p.person_key) "
				+ "AND NOT EXISTS (SELECT 1 FROM stage_match m WHERE m.run_id = a.run_id AND m.phid = a.phid)",
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
		boolean details = detailsAt != null;
		// each pair at its strongest method, with that method's detail (plain grouping: H2's window functions are
		// far too slow at a hundred thousand rows)
		String sql = "WITH best AS (SELECT person_key, phid, MIN(method_rank) AS method_rank FROM stage_match "
				+ "WHERE run_id = ? GROUP BY person_key, phid), "
				+ "pair AS (SELECT m.person_key, m.phid, m.method_rank, MIN(m.detail) AS detail FROM stage_match m "
				+ "JOIN best b ON b.person_key = m.person_key AND b.phid = m.phid AND b.method_rank = m.method_rank "
				+ "WHERE m.run_id = ? GROUP BY m.person_key, m.phid, m.method_rank), "
				+ "claims AS (SELECT person_key, COUNT(*) AS claimed FROM pair GROUP BY person_key) "
				+ "SELECT a.phid, a.account_id, a.username, a.real_name, a.kind, a.disabled, a.approved, a.admin, "
				+ "a.created_epoch, pair.method_rank, pair.detail, claims.claimed, " + PERSON
				+ (details ? ", s.mfa, t.live_tokens, e.addresses, e.unverified, l.links" : "")
				+ " FROM stage_account a LEFT JOIN pair ON pair.phid = a.phid "
				+ "LEFT JOIN claims ON claims.person_key = pair.person_key "
				+ "LEFT JOIN stage_person p ON p.run_id = a.run_id AND p.person_key = pair.person_key "
				+ (details ? DETAILS : "")
				+ "WHERE a.run_id = ? ORDER BY a.account_id, a.phid, p.person_key";
		Object[] args = details ? new Object[] { runId, runId, runId, detailsAt, runId, runId, runId }
				: new Object[] { runId, runId, runId };
		Cursor<ClaimRow> rows = new Cursor<>(this.dataSource, sql, (rs, i) -> claim(rs, details), args);
		return new Grouped<>(rows, (row) -> row.account().phid()).map(StagingStore::accountCase);
	}

	/** Every person with whether any account was matched to them, by key. */
	public CloseableIterator<PersonCase> personCases(String runId) {
		return new Cursor<>(this.dataSource, "SELECT " + PERSON + ", EXISTS (SELECT 1 FROM stage_match m WHERE "
				+ "m.run_id = p.run_id AND m.person_key = p.person_key) AS claimed FROM stage_person p "
				+ "WHERE p.run_id = ? ORDER BY p.person_key", (rs, i) -> new PersonCase(person(rs), rs.getBoolean(
						"claimed")), runId);
	}

	private static AccountCase accountCase(List<ClaimRow> rows) {
		List<Candidate> candidates = new ArrayList<>();
		for (ClaimRow row : rows) {
			if (row.candidate() != null) {
				candidates.add(row.candidate());
			}
		}
		return new AccountCase(rows.get(0).account(), candidates, null, rows.get(0).details());
	}

	private static ClaimRow claim(ResultSet rs, boolean withDetails) throws SQLException {
		Account account = new Account(rs.getLong("account_id"), rs.getString("phid"), rs.getString("username"),
				rs.getString("real_name"), AccountKind.valueOf(rs.getString("kind")), rs.getBoolean("disabled"),
				rs.getBoolean("approved"), rs.getBoolean("admin"), rs.getLong("created_epoch"));
		AccountDetails details = withDetails ? details(rs) : null;
		if (rs.getString("person_key") == null) {
			return new ClaimRow(account, null, details);
		}
		MatchMethod method = MatchMethod.values()[rs.getInt("method_rank")];
		return new ClaimRow(account, new Candidate(person(rs), method, rs.getString("detail"), rs.getInt("claimed")),
				details);
	}

	private static AccountDetails details(ResultSet rs) throws SQLException {
		boolean mfa = rs.getBoolean("mfa");
		Boolean known = rs.wasNull() ? null : mfa;
		return new AccountDetails(known, rs.getInt("live_tokens"), rs.getInt("addresses"), rs.getInt("unverified"),
				rs.getInt("links"));
	}

	private static Person person(ResultSet rs) throws SQLException {
		return new Person(rs.getString("person_key"), rs.getString("display_name"),
				List.of(rs.getString("emails").split(" ")), Lifecycle.valueOf(rs.getString("lifecycle")),
				rs.getString("sources"), rs.getBoolean("entitled"), rs.getString("conflict"),
				rs.getString("username_hint"));
	}

	private static SourceIdentity identity(ResultSet rs) throws SQLException {
		return new SourceIdentity(rs.getString("source"), rs.getString("source_id"), rs.getString("person_key"),
				List.of(rs.getString("emails").split(" ")), rs.getString("display_name"),
				Lifecycle.valueOf(rs.getString("lifecycle")), rs.getString("raw_status"), rs.getString("employee_id"),
				rs.getString("username_hint"));
	}

	/** One row of the identities query: a record and its merge key. */
	private record Keyed(String key, IdentityRecord record) {
	}

	/** One row of the claims query: an account and, when someone claims it, one candidate. */
	private record ClaimRow(Account account, @Nullable Candidate candidate, @Nullable AccountDetails details) {
	}

}
