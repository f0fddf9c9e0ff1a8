package dev.idsync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.ManualMapping;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.MergePolicy;
import dev.idsync.domain.Person;
import dev.idsync.domain.PersonCase;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.domain.SourceRead;
import dev.idsync.reconcile.Classifier;
import dev.idsync.reconcile.CorrelationKeys;
import dev.idsync.reconcile.PersonMerger;
import dev.idsync.reconcile.Rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Correlation, classification input, durable links and finding history as set operations in idsync's database, on H2
 * and on PostgreSQL ({@code IDSYNC_TEST_POSTGRES_URL}, set by CI; reported as skipped when unset). Each test drives the
 * same store calls, in the same order, as the nightly job.
 */
class ReconciliationStoreTests {

	private static final String POSTGRES = System.getenv("IDSYNC_TEST_POSTGRES_URL");

	private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

	private static final CorrelationKeys KEYS = new CorrelationKeys(Map.of("corp.example.com", "example.com"),
			"template", "{f}{last}");

	private final List<Runnable> cleanups = new ArrayList<>();

	static Stream<String> databases() {
		return Stream.of("h2", "postgresql");
	}

	@AfterEach
	void cleanUp() {
		this.cleanups.forEach(Runnable::run);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void correlationTakesTheStrongestEvidenceOfEachRule(String database) {
		// given
		Store store = store(database);
		String run = "run-1";
		store.runs.started(run, NOW, "dry-run", "var/reports");
		store.stage(run, List.of(
				okta("00u1", "anna@example.com", "Anna Berg", Lifecycle.ACTIVE),
				google("1001", "ben@example.com", "Ben Cho", false),
				okta("00u3", "cleo@example.com", "Cleo Dunn", Lifecycle.ACTIVE),
				okta("00u4", "dora@example.com", "Dora Eck", Lifecycle.ACTIVE),
				okta("00u5", "emil@example.com", "Emil Faro", Lifecycle.ACTIVE),
				okta("00u6", "fay@example.com", "Fay Gold", Lifecycle.ACTIVE),
				okta("00u7", "gus@example.com", "Gus Hale", Lifecycle.ACTIVE)),
				List.of(human(1, "legacy-anna", "A. Berg"), human(2, "bcho-old", "Benjamin Cho"),
						human(3, "cleo.ldap", "C. Dunn"), human(4, "dora", "Dora E."), human(5, "efaro", "E. F."),
						human(6, "fay-contractor", "Fay Gold"), human(7, "gus-a", "Gus H."), human(8, "gus-b", "G. Hale")));
		store.details.insertEmails(run, List.of(new AccountEmail(phid(4), "DORA@corp.example.com", true, true),
				new AccountEmail(phid(7), "gus@example.com", true, true),
				new AccountEmail(phid(8), "gus@corp.example.com", true, true)));
		store.details.insertLinks(run, List.of(
				new ExternalIdentifier(phid(2), "PHID-XUSR-1", "google", "google.com", "id(1001)"),
				new ExternalIdentifier(phid(2), "PHID-XUSR-1", "google", "google.com", "ben@example.com"),
				new ExternalIdentifier(phid(3), "PHID-XUSR-2", "ldap", "self", "Cleo")));
		store.staging.insertMappings(run, List.of(
				new ManualMapping("legacy-anna", "anna@example.com", "alice@example.com", "renamed", "mappings.csv:2"),
				new ManualMapping("GUS-A", "okta:00u7", "alice@example.com", "gus's real account", "mapping #1")));

		// when
		int byMapping = store.staging.matchManual(run) + store.staging.matchLinks(run)
				+ store.staging.matchExternalIds(run);
		int byEmail = store.staging.matchByDatabaseEmail(run);
		int byUsername = store.staging.matchByUsername(run);
		int byName = store.staging.matchByRealName(run);

		// then
		assertThat(byMapping).isEqualTo(4);
		assertThat(byEmail).isEqualTo(3);
		Map<String, AccountCase> cases = store.cases(run);
		assertThat(claim(cases, "legacy-anna")).containsExactly("anna@example.com MANUAL by alice@example.com: renamed "
				+ "(mappings.csv:2)");
		assertThat(claim(cases, "bcho-old")).containsExactly("ben@example.com EXTERNAL_ID google id(1001)");
		assertThat(claim(cases, "cleo.ldap")).containsExactly("cleo@example.com EXTERNAL_ID ldap Cleo");
		// the alias maps corp.example.com to example.com on both sides
		assertThat(claim(cases, "dora")).containsExactly("dora@example.com EMAIL dora@example.com");
		// the template {f}{last} derives efaro for Emil Faro, who has no other match
		assertThat(byUsername).isEqualTo(1);
		assertThat(claim(cases, "efaro")).containsExactly("emil@example.com USERNAME efaro");
		// a real name is proposed only where nothing else matched either side
		assertThat(byName).isEqualTo(1);
		assertThat(claim(cases, "fay-contractor")).containsExactly("fay@example.com REAL_NAME Fay Gold");
		// gus's address is on two accounts: the manual mapping settles @gus-a; @gus-b stays disputed
		assertThat(claim(cases, "gus-a")).containsExactlyInAnyOrder("gus@example.com MANUAL by alice@example.com: "
				+ "gus's real account (mapping #1)");
		Rules rules = Rules.at(NOW);
		assertThat(Classifier.classifyAll(cases.get("gus-a"), Completeness.complete(), rules).get(0).category())
			.isEqualTo(Category.LINKED_OK);
		assertThat(Classifier.classifyAll(cases.get("gus-b"), Completeness.complete(), rules).get(0).category())
			.isEqualTo(Category.DISPUTED);
		assertThat(Classifier.classifyAll(cases.get("fay-contractor"), Completeness.complete(), rules).get(0)
			.category()).isEqualTo(Category.UNLINKED_CANDIDATE);
		assertThat(personCases(store, run)).containsEntry("fay@example.com", true);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void durableLinkIsUsedNextRunAndAChangedIdpIdIsReportedNotRelinked(String database) {
		// given: the first run links anna's Okta record to @anna by email
		Store store = store(database);
		SourceIdentity anna = okta("00u1", "anna@example.com", "Anna Berg", Lifecycle.ACTIVE);
		SourceIdentity ben = okta("00u2", "ben@example.com", "Ben Cho", Lifecycle.ACTIVE);
		List<Account> accounts = List.of(human(1, "anna", "Anna Berg"), human(2, "bcho", "Ben Cho"));
		nightly(store, "run-1", List.of(anna, ben), accounts, List.of(
				new AccountEmail(phid(1), "anna@example.com", true, true),
				new AccountEmail(phid(2), "ben@example.com", true, true)));
		assertThat(store.links.linksOf(phid(1))).containsExactly("okta:00u1");

		// when: the second run sees ben's address moved to his new account's history (nothing else changed), and anna
		// was deleted and re-created in Okta with a new id
		SourceIdentity annaAgain = okta("00u9", "anna@example.com", "Anna Berg", Lifecycle.ACTIVE);
		List<Finding> second = nightly(store, "run-2", List.of(annaAgain, ben), accounts, List.of(
				new AccountEmail(phid(1), "anna@example.com", true, true)));

		// then: ben's link alone still ties him to @bcho; anna's account is disputed with the contradiction as evidence
		Finding bcho = state(second, "bcho");
		assertThat(bcho.category()).isEqualTo(Category.LINKED_OK);
		assertThat(bcho.matchedBy()).isEqualTo(MatchMethod.LINK);
		Finding annaFinding = state(second, "anna");
		assertThat(annaFinding.category()).isEqualTo(Category.DISPUTED);
		assertThat(annaFinding.evidence()).anySatisfy((line) -> assertThat(line)
			.startsWith("earlier link: okta:00u1 (anna@example.com, by EMAIL since ")
			.endsWith("is gone from okta, yet anna@example.com claims the account now by EMAIL: a changed IdP id, a "
					+ "reused username or a moved address"));
		// nothing was relinked
		assertThat(store.links.linksOf(phid(1))).containsExactly("okta:00u1");

		// and when an admin confirms the new id with a manual mapping, the link moves
		store.mappings.addMapping("anna", "okta:00u9", "alice@example.com", "re-created in Okta", NOW);
		List<Finding> third = nightly(store, "run-3", List.of(annaAgain, ben), accounts, List.of(
				new AccountEmail(phid(1), "anna@example.com", true, true)));
		assertThat(state(third, "anna").category()).isEqualTo(Category.LINKED_OK);
		assertThat(state(third, "anna").matchedBy()).isEqualTo(MatchMethod.MANUAL);
		assertThat(store.links.linksOf(phid(1))).containsExactly("okta:00u9");
	}

	/** Whether {@link #nightly} records each finding's history as it inserts it, as the job does. */
	@ParameterizedTest
	@MethodSource("databases")
	void findingHistoryCountsConsecutiveCompleteRunsAndListsWhatWasResolved(String database) {
		// given: ghost is an orphan on both nights; cleo's orphan account is claimed on the second night
		Store store = store(database);
		List<Account> accounts = List.of(human(1, "ghost", "Ghost"), human(2, "cleo", "Cleo Dunn"));
		nightly(store, "run-1", List.of(), accounts, List.of());
		Instant later = NOW.plusSeconds(86_400);

		// when
		nightly(store, "run-2", List.of(okta("00u3", "cleo@example.com", "Cleo Dunn", Lifecycle.ACTIVE)), accounts,
				List.of(new AccountEmail(phid(2), "cleo@example.com", true, true)), later);

		// then
		Map<String, FindingHistory> history = new java.util.HashMap<>();
		try (CloseableIterator<Finding> findings = store.findings.findings("run-2")) {
			findings.forEachRemaining((finding) -> history.put(finding.category() + " " + finding.username(),
					finding.history()));
		}
		assertThat(history.get("ORPHAN ghost")).isEqualTo(new FindingHistory(NOW, 2,
				FindingHistory.Change.PERSISTING));
		assertThat(history.get("LINKED_OK cleo")).isEqualTo(new FindingHistory(later, 1, FindingHistory.Change.NEW));
		assertThat(store.findings.resolved("run-2")).singleElement().satisfies((resolved) -> {
			assertThat(resolved.category()).isEqualTo(Category.ORPHAN);
			assertThat(resolved.username()).isEqualTo("cleo");
			assertThat(resolved.history()).isEqualTo(new FindingHistory(NOW, 1, FindingHistory.Change.RESOLVED));
		});
		assertThat(store.findings.countByChange("run-2")).containsEntry(FindingHistory.Change.NEW, 0L)
			.containsEntry(FindingHistory.Change.PERSISTING, 1L)
			.containsEntry(FindingHistory.Change.RESOLVED, 1L);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void exemptionsFromTheTableTheFileAndProtectionMergeAndTheStrongestHolds(String database) {
		// given
		Store store = store(database);
		store.mappings.addExemption("legacy", "alice@example.com", "migration", LocalDate.parse("2026-12-31"), NOW);
		store.mappings.stageExemptions("run-1", List.of(
				new Exemption("Legacy", "bob@example.com", "longer", LocalDate.parse("2027-06-30"), "exemptions.csv:2"),
				new Exemption("breakglass", "idsync configuration", "protected", null, "protected-accounts")));
		store.mappings.stageExemptions("run-1", store.mappings.exemptions());

		// when
		Map<String, Exemption> exemptions = store.mappings.stagedExemptions("run-1");

		// then
		assertThat(exemptions).containsOnlyKeys("legacy", "breakglass");
		assertThat(exemptions.get("legacy").expires()).isEqualTo(LocalDate.parse("2027-06-30"));
		assertThat(exemptions.get("breakglass").expires()).isNull();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void incompleteRunKeepsHistoryButResolvesNothing(String database) {
		// given a complete night with two orphans
		Store store = store(database);
		List<Account> accounts = List.of(human(1, "ghost", "Ghost"), human(2, "cleo", "Cleo Dunn"));
		nightly(store, "run-1", List.of(), accounts, List.of());

		// when the next night reads only one account (its Phorge read is incomplete)
		store.runs.started("run-2", NOW.plusSeconds(60), "dry-run", "var/reports");
		store.findings.insertFindings("run-2", List.of(new Finding(Category.UNVERIFIED, "ghost", phid(1), null,
				"would be ORPHAN", List.of(), null)), "run-1", NOW.plusSeconds(60));
		store.findings.recordResolved("run-2", "run-1", false);

		// then cleo's orphan is not "resolved": the run could not have seen it
		assertThat(store.findings.resolved("run-2")).isEmpty();
		assertThat(store.findings.countByChange("run-2")).containsEntry(FindingHistory.Change.NEW, 1L);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void oldRunsArePurgedButNeverTheBaseline(String database) {
		// given three nights, the third of them incomplete, so that the second is the next run's baseline
		Store store = store(database);
		List<Account> accounts = List.of(human(1, "ghost", "Ghost"));
		nightly(store, "run-1", List.of(), accounts, List.of(), NOW);
		nightly(store, "run-2", List.of(), accounts, List.of(), NOW.plusSeconds(60));
		nightly(store, "run-3", List.of(), accounts, List.of(), NOW.plusSeconds(120));
		store.runs.sourcesComplete("run-3", false);
		store.runs.started("run-4", NOW.plusSeconds(180), "dry-run", "var/reports");

		// when keeping two runs
		int purged = store.runs.purgeOldRuns("run-4", 2);

		// then the newest other run and the baseline keep their findings; the oldest does not
		assertThat(purged).isEqualTo(1);
		assertThat(count(store, "run-1")).isZero();
		assertThat(count(store, "run-2")).isOne();
		assertThat(count(store, "run-3")).isOne();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void stagedIdentitiesKeepWhenTheirStatusChanged(String database) {
		// given one leaver whose source dates the change, and one whose source does not
		Store store = store(database);
		Instant left = Instant.parse("2026-09-01T08:30:00Z");
		SourceIdentity dated = new SourceIdentity("okta", "00u1", "anna@example.com", List.of("anna@example.com"),
				"Anna Berg", Lifecycle.SUSPENDED, "SUSPENDED", null, null, left);
		SourceIdentity undated = google("1002", "ben@example.com", "Ben Cho", true);

		// when
		store.staging.insertIdentities("run-1", List.of(dated, undated), MergePolicy.byEmail());

		// then the staged records read back as they were read
		List<SourceIdentity> staged = new ArrayList<>();
		try (CloseableIterator<List<IdentityRecord>> groups = store.staging.identitiesByPerson("run-1", Set.of())) {
			groups.forEachRemaining((group) -> group.forEach((record) -> staged.add(record.identity())));
		}
		assertThat(staged).containsExactlyInAnyOrder(dated, undated);
		assertThat(staged).extracting(SourceIdentity::statusSince).containsExactlyInAnyOrder(left, null);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void textThatCopyMustEscapeIsStagedAndRecordedAsItWasRead(String database) {
		// given names and evidence holding what PostgreSQL's COPY text format escapes (a backslash, a tab, a newline,
		// a carriage return, its null marker \N), characters beyond ASCII, and entitlement listed twice
		Store store = store(database);
		String name = "Zoë \\N O'Brien\t\\ \"Z\"\r\n日本";
		SourceIdentity tricky = new SourceIdentity("okta", "00u\\1", "zoe@example.com", List.of("zoe@example.com"),
				name, Lifecycle.ACTIVE, "ACTIVE", "\\N", null, null);
		Account account = new Account(7, phid(7), "zoe", name, AccountKind.HUMAN, false, true, false, 1_700_000_000L);
		Finding finding = new Finding(Category.ORPHAN, "zoe", phid(7), null, "rule\\with\ttab",
				List.of("line one\\N", "line\ttwo", "\\"), null);

		// when
		store.staging.insertIdentities("run-1", List.of(tricky), MergePolicy.byEmail());
		store.staging.insertEntitled("run-1", "okta", List.of("00u\\1", "00u\\1"));
		store.staging.insertEntitled("run-1", "okta", List.of("00u\\1"));
		store.staging.insertAccounts("run-1", List.of(account));
		store.findings.insertFindings("run-1", List.of(finding), null, NOW);

		// then every value reads back as it went in, and the twice-listed id is entitled once
		List<IdentityRecord> staged = new ArrayList<>();
		try (CloseableIterator<List<IdentityRecord>> groups = store.staging.identitiesByPerson("run-1",
				Set.of("okta"))) {
			groups.forEachRemaining(staged::addAll);
		}
		assertThat(staged).containsExactly(new IdentityRecord(tricky, true, null));
		assertThat(store.staging.humanAccounts("run-1")).isEqualTo(1);
		try (CloseableIterator<Finding> findings = store.findings.findings("run-1")) {
			assertThat(findings.next()).satisfies((read) -> {
				assertThat(read.rule()).isEqualTo(finding.rule());
				assertThat(read.evidence()).isEqualTo(finding.evidence());
				assertThat(read.history()).isEqualTo(new FindingHistory(NOW, 1, FindingHistory.Change.NEW));
			});
			assertThat(findings.hasNext()).isFalse();
		}
		try (CloseableIterator<AccountCase> cases = store.staging.accountCases("run-1")) {
			assertThat(cases.next().account()).isEqualTo(account);
		}
	}

	private static long count(Store store, String run) {
		return store.findings.countByCategory(run).values().stream().mapToLong(Long::longValue).sum();
	}

	/** One night of the job's reconciliation, from staging to history, on a complete read. */
	private List<Finding> nightly(Store store, String run, List<SourceIdentity> identities, List<Account> accounts,
			List<AccountEmail> emails) {
		return nightly(store, run, identities, accounts, emails, NOW);
	}

	private List<Finding> nightly(Store store, String run, List<SourceIdentity> identities, List<Account> accounts,
			List<AccountEmail> emails, Instant now) {
		store.runs.started(run, now, "dry-run", "var/reports");
		store.runs.recordRead(run, new SourceRead("okta", 1, identities.size(), 0, 0, 1, true, null, List.of()));
		store.runs.recordRead(run, new SourceRead("phorge", 1, accounts.size(), 0, 0, 1, true, null, List.of()));
		store.runs.sourcesComplete(run, true);
		store.staging.insertMappings(run, store.mappings.mappings());
		store.stage(run, identities, accounts);
		store.details.insertEmails(run, emails);
		store.staging.matchManual(run);
		store.staging.matchLinks(run);
		store.staging.matchByDatabaseEmail(run);
		store.staging.matchByUsername(run);
		store.staging.matchByRealName(run);
		Map<String, List<String>> contradictions = store.links.contradictions(run, Set.of("okta", "phorge"));
		List<Finding> findings = new ArrayList<>();
		for (AccountCase accountCase : store.cases(run).values()) {
			AccountCase known = accountCase.withFacts(new dev.idsync.domain.AccountFacts(null, null,
					contradictions.getOrDefault(accountCase.account().phid(), List.of()), null));
			findings.addAll(Classifier.classifyAll(known, Completeness.complete(), Rules.at(now)));
		}
		String previous = store.runs.previousCompleteRun(run).orElse(null);
		store.findings.insertFindings(run, findings, previous, now);
		store.links.record(run, now);
		store.findings.recordResolved(run, previous, true);
		store.runs.finished(run, now, "COMPLETED", 2);
		return findings;
	}

	private static Finding state(List<Finding> findings, String username) {
		return findings.stream().filter((f) -> username.equals(f.username()) && f.category().accountState())
			.findFirst().orElseThrow();
	}

	private static List<String> claim(Map<String, AccountCase> cases, String username) {
		return cases.get(username).candidates().stream()
			.map((c) -> c.person().key() + " " + c.method() + " " + c.detail())
			.toList();
	}

	private static Map<String, Boolean> personCases(Store store, String run) {
		Map<String, Boolean> claimed = new java.util.HashMap<>();
		try (CloseableIterator<PersonCase> persons = store.staging.personCases(run)) {
			persons.forEachRemaining((p) -> claimed.put(p.person().key(), p.claimed()));
		}
		return claimed;
	}

	private static SourceIdentity okta(String id, String email, String name, Lifecycle lifecycle) {
		return new SourceIdentity("okta", id, email, List.of(email), name, lifecycle, lifecycle.name());
	}

	private static SourceIdentity google(String id, String email, String name, boolean suspended) {
		return new SourceIdentity("google", id, email, List.of(email), name,
				suspended ? Lifecycle.SUSPENDED : Lifecycle.ACTIVE, suspended ? "suspended" : "active");
	}

	private static Account human(long id, String username, String realName) {
		return new Account(id, phid(id), username, realName, AccountKind.HUMAN, false, true, false, 1_700_000_000L);
	}

	private static String phid(long id) {
		return "PHID-USER-" + id;
	}

	private Store store(String database) {
		DataSource dataSource;
		if (database.equals("h2")) {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			dataSource = h2;
			Flyway.configure().dataSource(dataSource).locations("classpath:sql/common", "classpath:sql/h2").load()
				.migrate();
		}
		else {
			assumeTrue(POSTGRES != null && !POSTGRES.isBlank(), "IDSYNC_TEST_POSTGRES_URL is not set");
			String schema = "idsync_rec_" + Long.toHexString(System.nanoTime());
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			pool.setMaximumPoolSize(2);
			execute(pool, "CREATE SCHEMA " + schema);
			this.cleanups.add(() -> {
				execute(pool, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				pool.close();
			});
			dataSource = pool;
			Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:sql/common",
					"classpath:sql/postgresql").load().migrate();
		}
		return new Store(dataSource);
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The stores over one database, as the job wires them. */
	private static final class Store {

		final StagingStore staging;

		final AccountDetailStore details;

		final LinkStore links;

		final MappingStore mappings;

		final FindingStore findings;

		final RunStore runs;

		Store(DataSource dataSource) {
			this.staging = new StagingStore(dataSource, KEYS);
			this.details = new AccountDetailStore(dataSource, KEYS);
			this.links = new LinkStore(dataSource);
			this.mappings = new MappingStore(dataSource);
			this.findings = new FindingStore(dataSource);
			this.runs = new RunStore(dataSource);
		}

		void stage(String run, List<SourceIdentity> identities, List<Account> accounts) {
			this.staging.insertIdentities(run, identities, MergePolicy.byEmail());
			List<Person> persons = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			try (CloseableIterator<List<IdentityRecord>> groups = this.staging.identitiesByPerson(run, Set.of())) {
				groups.forEachRemaining((group) -> {
					Person person = PersonMerger.merge(group, MergePolicy.byEmail());
					if (seen.add(person.key())) {
						persons.add(person);
					}
				});
			}
			this.staging.insertPersons(run, persons);
			this.staging.insertAccounts(run, accounts);
		}

		Map<String, AccountCase> cases(String run) {
			Map<String, AccountCase> cases = new java.util.LinkedHashMap<>();
			try (CloseableIterator<AccountCase> all = this.staging.accountCases(run, null)) {
				all.forEachRemaining((c) -> cases.put(c.account().username(), c));
			}
			return cases;
		}

	}

}
