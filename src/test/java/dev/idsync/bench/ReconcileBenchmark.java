package dev.idsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.idsync.bench.ReconcilePopulation.Disable;
import dev.idsync.bench.ReconcilePopulation.PlantedAccount;
import dev.idsync.config.BotProperties;
import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountFacts;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.ManualMapping;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.MergePolicy;
import dev.idsync.domain.PersonCase;
import dev.idsync.domain.SourceRead;
import dev.idsync.reconcile.Classifier;
import dev.idsync.reconcile.CorrelationKeys;
import dev.idsync.reconcile.PersonMerger;
import dev.idsync.reconcile.Rules;
import dev.idsync.remediate.Planner;
import dev.idsync.store.AccountDetailStore;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.FindingStore;
import dev.idsync.store.LinkStore;
import dev.idsync.store.MappingStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Benchmark (run by {@code bench/reconcile.sh}, never by the test suite): the nightly job's reconciliation of a
 * million persons against about a million Phorge accounts within {@code -Xmx1g}. A synthetic organisation
 * ({@link ReconcilePopulation}) is generated row by row and staged through the stores the job's read steps write with,
 * in chunks of 500 in a transaction each; then the job's steps run in the job's order (merge persons, correlate by
 * mapping, email, username and real name, classify accounts and persons, record links, compare with the last night,
 * plan actions), twice: the second night finds the links of the first and compares its findings with them. Reports
 * each phase's wall time, rows and rows per second, peak heap and resident set, and each category's findings against
 * what the population planted.
 */
public final class ReconcileBenchmark {

	private static final int CHUNK = 500;

	private static final Set<String> RULED = Set.of("okta");

	private static final Set<String> READS = Set.of("okta", "okta:entitlement", "okta:admins", "google", "phorge",
			"phorge-db:emails", "phorge-db:links", "phorge-db:mfa", "phorge-db:tokens");

	private final Meter meter;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final StagingStore staging;

	private final AccountDetailStore details;

	private final MappingStore mappings;

	private final LinkStore links;

	private final FindingStore findings;

	private final RunStore runs;

	private ReconcileBenchmark(Store store, Meter meter) {
		CorrelationKeys keys = new CorrelationKeys(Map.of(ReconcilePopulation.ALIAS_DOMAIN, ReconcilePopulation.DOMAIN),
				"attribute-or-local-part", null);
		this.meter = meter;
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(store.dataSource()));
		this.jdbc = new JdbcTemplate(store.dataSource());
		this.staging = new StagingStore(store.dataSource(), keys);
		this.details = new AccountDetailStore(store.dataSource(), keys);
		this.mappings = new MappingStore(store.dataSource());
		this.links = new LinkStore(store.dataSource());
		this.findings = new FindingStore(store.dataSource());
		this.runs = new RunStore(store.dataSource());
	}

	public static void main(String[] args) throws Exception {
		int persons = 1_000_000;
		long seed = 20261201;
		String postgres = null;
		String h2Settings = "";
		int nights = 2;
		for (int a = 0; a < args.length; a++) {
			switch (args[a]) {
				case "--postgres" -> postgres = args[++a];
				case "--h2-settings" -> h2Settings = args[++a];
				case "--nights" -> nights = Integer.parseInt(args[++a]);
				case "--seed" -> seed = Long.parseLong(args[++a]);
				default -> persons = Integer.parseInt(args[a].replace("_", "").replace(",", ""));
			}
		}
		ReconcilePopulation org = new ReconcilePopulation(seed, persons, 1);
		String load = loadAverage();
		long start = System.nanoTime();
		try (Store store = (postgres != null) ? Store.postgres(postgres) : Store.h2(Path.of("target",
				"bench-reconcile"), h2Settings); Meter meter = new Meter(store::bytes)) {
			System.out.printf("## %s: %,d persons on %s (seed %d)%n%n", Instant.now().toString().substring(0, 16) + "Z",
					persons, store.describe(), seed);
			System.out.printf("Heap used is sampled every 20 ms (garbage included); heap retained is what a full "
					+ "collection at the end of the phase (outside its time) leaves.%n%n");
			store.guardDisk();
			ReconcileBenchmark bench = new ReconcileBenchmark(store, meter);
			for (int night = 1; night <= nights; night++) {
				bench.night(org.night(night), "night-" + night);
			}
			System.out.printf("**All nights: %.1f s wall.** Heap: max %,d MiB (-Xmx), peak used %,d MiB (sampled every "
					+ "20 ms, garbage included), peak retained %,d MiB (after a full collection at a phase's end); %s. "
					+ "Peak RSS (VmHWM) %,d MiB. Store on disk: %s. Load average before: %s, after: %s.%n%n",
					seconds(start), Meter.maxHeapMib(), meter.peakHeapMib(), meter.peakRetainedMib(),
					Meter.collections(), Meter.statusMib("VmHWM"), store.size(), load, loadAverage());
		}
	}

	/** One night of the job against the organisation as it is that night. */
	private void night(ReconcilePopulation org, String runId) {
		prepare(org, runId);
		stage(org, runId);
		reconcile(org, runId);
		System.out.printf("### %s (%s)%n%n", runId, org.now());
		List<Meter.Phase> phases = this.meter.drain();
		System.out.println("| phase | rows | wall s | of which inserting s | rows/s | peak heap used MiB | heap retained "
				+ "MiB | store MiB |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
		for (Meter.Phase phase : phases) {
			System.out.printf("| %s | %,d | %.1f | %s | %,.0f | %,d | %,d | %s |%n", phase.name(), phase.rows(),
					phase.seconds(), (phase.databaseSeconds() >= 0) ? String.format("%.1f", phase.databaseSeconds()) : "",
					phase.rowsPerSecond(), phase.peakHeapMib(), phase.retainedMib(),
					(phase.storeMib() >= 0) ? String.format("%,d", phase.storeMib()) : "");
		}
		double staging = phases.stream().filter((phase) -> phase.name().startsWith("stage ")
				|| phase.name().startsWith("prepare")).mapToDouble(Meter.Phase::seconds).sum();
		double total = phases.stream().mapToDouble(Meter.Phase::seconds).sum();
		System.out.printf("| **night total** (the phases): preparing and staging %.1f s, reconciliation %.1f s | | "
				+ "**%.1f** | | | | | |%n%n", staging, total - staging, total);
		check(org, runId);
	}

	/** Records the run and clears what earlier runs staged ({@code prepareRunStep}, stageReconcileInputsStep). */
	private void prepare(ReconcilePopulation org, String runId) {
		long staged = stagedRows();
		this.meter.time("prepare run: purge the earlier night's staging", () -> inTransaction(() -> {
			this.runs.started(runId, org.now(), "dry-run", "bench");
			this.staging.purgeExcept(Set.of(runId));
			return staged;
		}));
		List<ManualMapping> mapped = org.mappings();
		List<Exemption> exempt = org.exemptions();
		this.meter.time("stage mappings and exemptions", () -> inTransaction(() -> {
			this.staging.insertMappings(runId, mapped);
			this.mappings.stageExemptions(runId, exempt);
			return mapped.size() + exempt.size();
		}));
	}

	/** What the job's read steps write: each source's rows, generated and inserted 500 at a time. */
	private void stage(ReconcilePopulation org, String runId) {
		MergePolicy policy = MergePolicy.byEmail();
		int persons = org.persons();
		int slots = org.slots();
		read(runId, "okta", persons, (i) -> one(org.okta(i)), (run, rows) -> this.staging.insertIdentities(run, rows,
				policy));
		read(runId, "okta:entitlement", persons, (i) -> org.entitled(i) ? List.of(org.okta(i).sourceId()) : List.of(),
				(run, ids) -> this.staging.insertEntitled(run, "okta", ids));
		read(runId, "okta:admins", persons, (i) -> org.admin(i) ? List.of(org.okta(i).sourceId()) : List.of(),
				(run, ids) -> this.staging.insertAdmins(run, "okta", ids));
		read(runId, "google", persons, (i) -> one(org.google(i)), (run, rows) -> this.staging.insertIdentities(run,
				rows, policy));
		read(runId, "phorge", slots, (s) -> each(org.accounts(s), PlantedAccount::account), this.staging::insertAccounts);
		read(runId, "phorge-db:emails", slots, (s) -> all(org.accounts(s), (account) -> account.emails),
				this.details::insertEmails);
		read(runId, "phorge-db:links", slots, (s) -> all(org.accounts(s), (account) -> account.links),
				this.details::insertLinks);
		read(runId, "phorge-db:mfa", slots, (s) -> each(org.accounts(s), PlantedAccount::security),
				this.details::insertSecurity);
		read(runId, "phorge-db:tokens", slots, (s) -> all(org.accounts(s), (account) -> account.tokens),
				this.details::insertTokens);
		read(runId, "phorge-db:disables", slots, (s) -> all(org.accounts(s), (account) -> account.disables),
				this::insertDisables);
		if (runId.equals("night-1")) {
			read(runId, "idsync journal (account_provenance)", slots, (s) -> org.accounts(s).stream()
				.filter((account) -> account.journal).map(PlantedAccount::account).toList(), this::insertJournal);
		}
	}

	/** The job's steps from mergePersonsStep on, in its order. */
	private void reconcile(ReconcilePopulation org, String runId) {
		Instant now = org.now();
		this.meter.time("check sources", () -> inTransaction(() -> {
			this.runs.sourcesComplete(runId, true);
			return READS.size();
		}));
		this.meter.time("merge persons", () -> merge(runId));
		correlate("correlate: manual mappings", runId, List.of(MatchMethod.MANUAL), this.staging::matchManual);
		correlate("correlate: durable links", runId, List.of(MatchMethod.LINK), this.staging::matchLinks);
		correlate("correlate: external ids", runId, List.of(MatchMethod.EXTERNAL_ID), this.staging::matchExternalIds);
		correlate("correlate: email (database join)", runId, List.of(MatchMethod.EMAIL, MatchMethod.UNVERIFIED_EMAIL),
				this.staging::matchByDatabaseEmail);
		correlate("correlate: username rule", runId, List.of(MatchMethod.USERNAME), this.staging::matchByUsername);
		correlate("correlate: real name", runId, List.of(MatchMethod.REAL_NAME), this.staging::matchByRealName);
		Map<String, List<String>> contradictions = new java.util.HashMap<>();
		this.meter.time("classify accounts: link contradictions", () -> {
			contradictions.putAll(this.links.contradictions(runId, READS));
			return contradictions.size();
		});
		this.meter.time("classify accounts", () -> classifyAccounts(org, runId, contradictions));
		this.meter.time("classify persons", () -> classifyPersons(runId, now));
		this.meter.time("compare runs: record links", () -> inTransaction(() -> this.links.record(runId, now)));
		this.meter.time("compare runs: resolved findings", () -> inTransaction(() -> {
			this.findings.recordResolved(runId, this.runs.previousCompleteRun(runId).orElse(null), true);
			return count("SELECT COUNT(*) FROM finding_resolved WHERE run_id = ?", runId);
		}));
		this.meter.time("plan actions", () -> planActions(runId));
		this.runs.finished(runId, now, "COMPLETED", 1);
	}

	private long merge(String runId) {
		inTransaction(() -> {
			this.staging.deletePersons(runId);
			return 0;
		});
		MergePolicy policy = MergePolicy.byEmail();
		try (CloseableIterator<List<IdentityRecord>> groups = this.staging.identitiesByPerson(runId, RULED, RULED)) {
			return chunked(groups, (group) -> List.of(PersonMerger.merge(group, policy)),
					(persons) -> this.staging.insertPersons(runId, persons));
		}
	}

	private void correlate(String phase, String runId, List<MatchMethod> methods, Function<String, Integer> rule) {
		this.meter.time(phase, () -> inTransaction(() -> {
			methods.forEach((method) -> this.staging.deleteMatches(runId, method));
			return rule.apply(runId);
		}));
	}

	/** {@code classifyAccountsStep}: what ClassifyAccountProcessor adds to each case, then the classifier. */
	private long classifyAccounts(ReconcilePopulation org, String runId, Map<String, List<String>> contradictions) {
		inTransaction(() -> {
			this.findings.deleteAccountFindings(runId);
			return 0;
		});
		Map<String, Exemption> exemptions = this.mappings.stagedExemptions(runId);
		Map<String, BotProperties> bots = org.botRegistry();
		Rules rules = new Rules(org.now(), Duration.ofDays(365), true);
		String previous = this.runs.previousCompleteRun(runId).orElse(null);
		try (CloseableIterator<AccountCase> cases = this.staging.accountCases(runId, org.now().getEpochSecond(),
				org.selfPhid())) {
			return chunked(cases, (accountCase) -> {
				Account account = accountCase.account();
				String username = account.username().toLowerCase(Locale.ROOT);
				BotProperties bot = (account.kind() == AccountKind.BOT) ? bots.get(username) : null;
				AccountFacts facts = new AccountFacts(exemptions.get(username), accountCase.facts().disabledByIdsync(),
						contradictions.getOrDefault(account.phid(), List.of()), (bot != null) ? bot.maxTokenAge() : null);
				AccountCase known = accountCase.withFacts(facts);
				if (account.kind() == AccountKind.BOT) {
					BotOwnership ownership = (bot != null) ? new BotOwnership(bot.owner(),
							this.staging.person(runId, bot.owner()).orElse(null)) : null;
					known = new AccountCase(account, List.of(), ownership, known.details(), facts);
				}
				return Classifier.classifyAll(known, Completeness.complete(), rules);
			}, (found) -> this.findings.insertFindings(runId, found, previous, org.now()));
		}
	}

	private long classifyPersons(String runId, Instant now) {
		inTransaction(() -> {
			this.findings.deleteIdentityFindings(runId);
			return 0;
		});
		String previous = this.runs.previousCompleteRun(runId).orElse(null);
		try (CloseableIterator<PersonCase> cases = this.staging.personCases(runId)) {
			return chunked(cases, (person) -> Classifier.classifyPerson(person.person(), person.claimed(),
					Completeness.complete()), (found) -> this.findings.insertFindings(runId, found, previous, now));
		}
	}

	private long planActions(String runId) {
		inTransaction(() -> {
			this.findings.deleteActions(runId);
			return 0;
		});
		try (CloseableIterator<FindingStore.Actionable> actionable = this.findings.actionableFindings(runId,
				Planner.ACTING)) {
			return chunked(actionable, (item) -> Planner.plan(item.finding()).stream()
				.map((action) -> new PlannedAction(action, ActionStatus.WOULD_APPLY, null)).toList(),
					(actions) -> this.findings.insertActions(runId, actions));
		}
	}

	/** Each category's findings against what the population planted, and the night's history. */
	private void check(ReconcilePopulation org, String runId) {
		Map<Category, Long> expected = org.expected();
		Map<Category, Long> got = this.findings.countByCategory(runId);
		System.out.println("| category | planted | found | |");
		System.out.println("|---|---:|---:|---|");
		boolean all = true;
		for (Category category : Category.values()) {
			long want = expected.getOrDefault(category, 0L);
			long have = got.getOrDefault(category, 0L);
			all &= want == have;
			if (want != 0 || have != 0) {
				System.out.printf("| %s | %,d | %,d | %s |%n", category, want, have, (want == have) ? "ok" : "**DIFFERS**");
			}
		}
		Map<FindingHistory.Change, Long> history = this.findings.countByChange(runId);
		boolean later = !runId.equals("night-1");
		long newDrift = history.get(FindingHistory.Change.NEW);
		long resolved = history.get(FindingHistory.Change.RESOLVED);
		System.out.printf("%nEvery category as planted: **%s**. History (drift only): %,d new%s, %,d persisting, %,d "
				+ "resolved%s.%n%n", all ? "yes" : "NO", newDrift,
				later ? " (planted " + String.format("%,d", org.expectedNew()) + ")" : "",
				history.get(FindingHistory.Change.PERSISTING), resolved,
				later ? " (planted " + String.format("%,d", org.expectedResolved()) + ")" : "");
	}

	// staging helpers

	/** One read step: rows generated slot by slot, inserted 500 at a time, each chunk in a transaction. */
	private <T> void read(String runId, String source, int count, IntFunction<Collection<T>> rows,
			BiConsumer<String, List<T>> insert) {
		long[] databaseNanos = { 0 };
		long started = System.nanoTime();
		Meter.Phase phase = this.meter.time("stage " + source, () -> {
			List<T> chunk = new ArrayList<>(CHUNK);
			long total = 0;
			for (int i = 0; i < count; i++) {
				chunk.addAll(rows.apply(i));
				if (chunk.size() >= CHUNK || i == count - 1) {
					long before = System.nanoTime();
					List<T> items = List.copyOf(chunk);
					inTransaction(() -> {
						insert.accept(runId, items);
						return 0;
					});
					databaseNanos[0] += System.nanoTime() - before;
					total += chunk.size();
					chunk.clear();
				}
			}
			return total;
		});
		this.runs.recordRead(runId, new SourceRead(source, (int) Math.ceil(phase.rows() / (double) CHUNK),
				(int) phase.rows(), 0, 0, (System.nanoTime() - started) / 1_000_000, true, null, List.of()));
		this.meter.inDatabase(databaseNanos[0] / 1e9);
	}

	/** Reads items through a cursor, processes each, and writes the results 500 items at a time. */
	private <I, O> long chunked(CloseableIterator<I> items, Function<I, List<O>> process, java.util.function.Consumer<List<O>> write) {
		List<O> out = new ArrayList<>();
		long read = 0;
		int inChunk = 0;
		while (items.hasNext()) {
			out.addAll(process.apply(items.next()));
			read++;
			if (++inChunk == CHUNK || !items.hasNext()) {
				List<O> written = List.copyOf(out);
				inTransaction(() -> {
					write.accept(written);
					return 0;
				});
				out.clear();
				inChunk = 0;
			}
		}
		return read;
	}

	private void insertDisables(String runId, List<Disable> disables) {
		this.jdbc.batchUpdate("INSERT INTO stage_disable (run_id, phid, author_phid, disabled, at_epoch) "
				+ "VALUES (?, ?, ?, ?, ?)", disables, CHUNK, (statement, disable) -> {
					statement.setString(1, runId);
					statement.setString(2, disable.phid());
					statement.setString(3, disable.author());
					statement.setBoolean(4, disable.disabled());
					statement.setLong(5, disable.atEpoch());
				});
	}

	private void insertJournal(String runId, List<Account> accounts) {
		this.jdbc.batchUpdate("INSERT INTO account_provenance (phid, username, disabled_at, run_id, reason) "
				+ "VALUES (?, ?, ?, ?, ?)", accounts, CHUNK, (statement, account) -> {
					statement.setString(1, account.phid());
					statement.setString(2, account.username());
					statement.setTimestamp(3, Timestamp.from(Instant.parse("2026-11-01T02:00:00Z")));
					statement.setString(4, "night-0");
					statement.setString(5, "LEAVER_ACTIVE");
				});
	}

	private long stagedRows() {
		long rows = 0;
		for (String table : List.of("stage_identity", "stage_person", "stage_person_email", "stage_person_source",
				"stage_account", "stage_match", "stage_account_email", "stage_account_link", "stage_account_security",
				"stage_token", "stage_entitled", "stage_admin", "stage_mapping", "stage_exemption", "stage_disable")) {
			rows += count("SELECT COUNT(*) FROM " + table);
		}
		return rows;
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

	private long inTransaction(LongSupplier work) {
		Long result = this.transaction.execute((status) -> work.getAsLong());
		return (result != null) ? result : 0;
	}

	private static <T> Collection<T> one(@Nullable T item) {
		return (item != null) ? List.of(item) : List.of();
	}

	private static <T> Collection<T> each(List<PlantedAccount> accounts, Function<PlantedAccount, T> part) {
		return accounts.stream().map(part).toList();
	}

	private static <T> Collection<T> all(List<PlantedAccount> accounts, Function<PlantedAccount, List<T>> part) {
		return accounts.stream().flatMap((account) -> part.apply(account).stream()).toList();
	}

	private static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Files.readString(Path.of("/proc/loadavg")).split(" ")).substring(0, 14).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** The store: a fresh H2 file, or a fresh schema in PostgreSQL dropped afterwards; migrated like the job's. */
	private record Store(HikariDataSource dataSource, String describe, @Nullable Path directory,
			@Nullable String dropUrl, @Nullable String schema) implements AutoCloseable {

		static Store h2(Path directory, String settings) throws IOException {
			if (Files.exists(directory)) {
				try (Stream<Path> files = Files.walk(directory)) {
					for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(directory);
			String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("idsync") + settings;
			return migrated(new Store(pool(url, "sa"), "H2 " + org.h2.engine.Constants.VERSION + " file store "
					+ directory + settings, directory, null, null), "h2");
		}

		static Store postgres(String url) throws SQLException {
			String schema = "idsync_bench_" + Long.toHexString(System.nanoTime());
			try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
				sql.execute("CREATE SCHEMA " + schema);
			}
			String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
			String version;
			try (Connection connection = DriverManager.getConnection(url)) {
				version = connection.getMetaData().getDatabaseProductVersion();
			}
			return migrated(new Store(pool(scoped, null), "PostgreSQL " + version + " (schema " + schema + ")",
					null, url, schema), "postgresql");
		}

		private static HikariDataSource pool(String url, @Nullable String user) {
			HikariConfig config = new HikariConfig();
			config.setPoolName("idsync-bench");
			config.setJdbcUrl(url);
			if (user != null) {
				config.setUsername(user);
			}
			config.setMaximumPoolSize(10);
			return new HikariDataSource(config);
		}

		private static Store migrated(Store store, String vendor) {
			Flyway.configure().dataSource(store.dataSource()).locations("classpath:sql/common", "classpath:sql/" + vendor)
				.load().migrate();
			return store;
		}

		/**
		 * Stops the JVM at once when the disk of the H2 file has less than 5 GiB left: at a million persons the file
		 * grows by tens of gigabytes within one statement, and a full disk hurts whoever else uses it.
		 */
		void guardDisk() {
			if (this.directory == null) {
				return;
			}
			Thread guard = new Thread(() -> {
				while (this.directory.toFile().getUsableSpace() > 5L * 1024 * 1024 * 1024) {
					try {
						Thread.sleep(1_000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				System.err.println("less than 5 GiB left on the disk of " + this.directory + ": stopping");
				Runtime.getRuntime().halt(3);
			}, "disk-guard");
			guard.setDaemon(true);
			guard.start();
		}

		/** The H2 file's size in bytes ({@code -1} for PostgreSQL). */
		long bytes() {
			if (this.directory == null) {
				return -1;
			}
			try (Stream<Path> files = Files.walk(this.directory)) {
				return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
			}
			catch (IOException ex) {
				return -1;
			}
		}

		String size() {
			if (this.directory == null) {
				return new JdbcTemplate(this.dataSource).queryForObject("SELECT pg_size_pretty(pg_database_size("
						+ "current_database()))", String.class) + " (the whole database)";
			}
			return String.format("%,d MiB", bytes() / (1024 * 1024));
		}

		@Override
		public void close() throws SQLException {
			this.dataSource.close();
			if (this.dropUrl != null && !"keep".equals(System.getenv("IDSYNC_BENCH_SCHEMA"))) {
				try (Connection connection = DriverManager.getConnection(this.dropUrl);
						Statement sql = connection.createStatement()) {
					sql.execute("DROP SCHEMA " + this.schema + " CASCADE");
				}
			}
		}

	}

}
