package dev.idsync.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountDetails;
import dev.idsync.domain.AccountFacts;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;
import dev.idsync.remediate.Planner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of reconciliation that must hold for every account, every claim, every exemption and every run: what
 * {@link Classifier#classifyAll} concludes and what {@link Planner} makes of it.
 */
class ReconciliationPropertyTests {

	/** A fixed point in time: generated token ages and exemption expiries are relative to it. */
	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final Set<Category> RESTS_ON_ABSENCE = EnumSet.of(Category.LEAVER_ACTIVE, Category.ORPHAN,
			Category.NOT_ENTITLED, Category.BOT_OWNER_LEFT);

	private static final Set<Category> LINKED = EnumSet.of(Category.LINKED_OK, Category.LEAVER_ACTIVE,
			Category.NOT_ENTITLED, Category.PENDING_APPROVAL, Category.REENABLE_CANDIDATE, Category.LINKED_DISABLED);

	/** The actions that change an account's state, as opposed to its tokens or a human's attention. */
	private static final Set<ActionType> CHANGES = EnumSet.of(ActionType.DISABLE, ActionType.ENABLE,
			ActionType.APPROVE);

	private static final List<String> NAMES = List.of("Alice Smith", " Alice   Smith ", "Alice Smyth", "Zo\u00eb Li",
			"Zoe\u0308 Li");

	@Property
	void everyAccountGetsExactlyOneStateFirstAndOnlyAdditionalFindingsAfterIt(@ForAll("runs") Run run) {
		// when
		List<Finding> findings = run.findings();

		// then
		assertThat(findings).isNotEmpty();
		assertThat(findings.get(0).category().accountState()).isTrue();
		assertThat(findings.subList(1, findings.size()))
			.allSatisfy((finding) -> assertThat(finding.category().kind()).isEqualTo(Category.Kind.ADDITIONAL));
		assertThat(findings).extracting(Finding::category).doesNotHaveDuplicates();
		assertThat(findings).allSatisfy((finding) -> {
			assertThat(finding.username()).isEqualTo(run.account().username());
			assertThat(finding.phid()).isEqualTo(run.account().phid());
		});
	}

	@Property
	void theSameInputsGiveTheSameFindings(@ForAll("runs") Run run) {
		assertThat(run.findings()).isEqualTo(run.findings());
		assertThat(Planner.planAccount(run.findings())).isEqualTo(Planner.planAccount(run.findings()));
	}

	@Property
	void anIncompleteReadNeverConcludesAbsenceNorDisablesAnything(@ForAll("runs") Run run) {
		if (run.completeness().all()) {
			return;
		}
		// when
		List<Finding> findings = run.findings();

		// then whether exempt or not: no state that rests on absence, and nothing to disable
		assertThat(findings).extracting(Finding::category).doesNotContainAnyElementsOf(RESTS_ON_ABSENCE);
		assertThat(run.unexemptedState().category()).isNotIn(RESTS_ON_ABSENCE);
		assertThat(Planner.planAccount(findings)).extracting(Action::type).doesNotContain(ActionType.DISABLE);
	}

	@Property
	void disputesAndLowConfidenceCandidatesNeverProduceAnAction(@ForAll("runs") Run run) {
		Finding state = run.findings().get(0);
		if (state.category() != Category.DISPUTED && state.category() != Category.UNLINKED_CANDIDATE) {
			return;
		}
		assertThat(Planner.plan(state)).isEmpty();
		// token and privilege findings beside the state may still ask for a revocation or a review, nothing more
		assertThat(Planner.planAccount(run.findings())).allSatisfy((action) -> {
			assertThat(action.because()).isNotIn(Category.DISPUTED, Category.UNLINKED_CANDIDATE);
			assertThat(action.type()).isNotIn(CHANGES);
		});
	}

	@Property
	void aMailingListIsNeverAnOrphan(@ForAll("runs") Run run) {
		if (run.account().kind() == AccountKind.LIST) {
			assertThat(run.findings().get(0).category()).isIn(Category.MAILING_LIST, Category.EXEMPT);
			assertThat(run.unexemptedState().category()).isEqualTo(Category.MAILING_LIST);
		}
	}

	@Property
	void aCurrentExemptionIsExemptAndNeverActedOn(@ForAll("runs") Run run) {
		Exemption exemption = run.accountCase().facts().exemption();
		if (exemption == null || !exemption.holdsOn(run.rules().today())) {
			return;
		}
		// when
		List<Finding> findings = run.findings();

		// then
		assertThat(findings.get(0).category()).isEqualTo(Category.EXEMPT);
		assertThat(findings.get(0).evidence()).contains(exemption.describe())
			.anyMatch((line) -> line.startsWith("would otherwise be " + run.unexemptedState().category() + ": "));
		assertThat(findings).extracting(Finding::category).doesNotContain(Category.EXEMPTION_EXPIRED);
		assertThat(Planner.planAccount(findings)).isEmpty();
	}

	@Property
	void anExpiredExemptionIsReportedBesideTheNormalState(@ForAll("runs") Run run) {
		Exemption exemption = run.accountCase().facts().exemption();
		List<Finding> findings = run.findings();
		if (exemption != null && !exemption.holdsOn(run.rules().today())) {
			assertThat(findings.get(0)).isEqualTo(run.unexemptedState());
			assertThat(findings).extracting(Finding::category).contains(Category.EXEMPTION_EXPIRED);
		}
		if (exemption == null) {
			assertThat(findings.get(0)).isEqualTo(run.unexemptedState());
			assertThat(findings).extracting(Finding::category)
				.doesNotContain(Category.EXEMPT, Category.EXEMPTION_EXPIRED);
		}
	}

	@Property
	void onlyAnAccountIdsyncDisabledIsAReenableCandidate(@ForAll("runs") Run run) {
		Finding state = run.unexemptedState();
		if (state.category() == Category.REENABLE_CANDIDATE) {
			assertThat(run.account().kind()).isEqualTo(AccountKind.HUMAN);
			assertThat(run.account().disabled()).isTrue();
			assertThat(run.accountCase().facts().disabledByIdsync()).isNotNull();
			assertThat(state.evidence()).contains(run.accountCase().facts().disabledByIdsync());
			assertThat(settled(run.accountCase())).singleElement().satisfies((claimant) -> {
				assertThat(claimant.person().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
				assertThat(claimant.person().entitled()).isTrue();
				assertThat(claimant.method().confidence()).isNotEqualTo(Confidence.LOW);
			});
		}
		if (state.category() == Category.LINKED_DISABLED && run.accountCase().facts().disabledByIdsync() != null) {
			assertThat(settled(run.accountCase())).singleElement()
				.satisfies((claimant) -> assertThat(
						claimant.person().lifecycle().isActive() && claimant.person().entitled())
					.isFalse());
		}
	}

	@Property
	void aRealNameAloneNeverLinksNorActs(@ForAll("runs") Run run) {
		List<Candidate> candidates = run.accountCase().candidates();
		if (run.account().kind() != AccountKind.HUMAN || candidates.isEmpty()
				|| !candidates.stream().allMatch((c) -> c.method() == MatchMethod.REAL_NAME)) {
			return;
		}
		// when
		List<Finding> findings = run.findings();

		// then
		assertThat(run.unexemptedState().category()).isNotIn(Category.LINKED_OK, Category.LEAVER_ACTIVE,
				Category.NOT_ENTITLED, Category.PENDING_APPROVAL, Category.DISPUTED);
		assertThat(findings.get(0).category()).isNotIn(Category.LINKED_OK, Category.LEAVER_ACTIVE,
				Category.NOT_ENTITLED, Category.PENDING_APPROVAL, Category.DISPUTED);
		// tokens of a disabled account are revoked and stale tokens or admins reviewed whoever claims it: no more
		assertThat(Planner.planAccount(findings)).allSatisfy((action) -> {
			assertThat(action.because().accountState()).isFalse();
			assertThat(action.type()).isNotIn(CHANGES);
		});
	}

	@Property
	void aManualMappingSettlesWeakerClaims(@ForAll("runs") Run run) {
		List<Candidate> manual = run.accountCase().candidates().stream()
			.filter((c) -> c.method() == MatchMethod.MANUAL).toList();
		if (run.account().kind() != AccountKind.HUMAN || manual.size() != 1) {
			return;
		}
		// when
		Finding state = run.unexemptedState();

		// then: never disputed, whatever else claims it or contradicts an earlier link
		assertThat(state.category()).isNotEqualTo(Category.DISPUTED);
		assertThat(run.findings().get(0).category()).isNotEqualTo(Category.DISPUTED);
		assertThat(state.identity()).isEqualTo(manual.get(0).person().key());
		if (LINKED.contains(state.category())) {
			assertThat(state.matchedBy()).isEqualTo(MatchMethod.MANUAL);
		}
	}

	@Property
	void aContradictedLinkIsNeverLinkedWithoutAManualMapping(@ForAll("runs") Run run) {
		AccountCase accountCase = run.accountCase();
		if (run.account().kind() != AccountKind.HUMAN || accountCase.candidates().isEmpty()
				|| accountCase.facts().linkContradictions().isEmpty()
				|| accountCase.candidates().stream().anyMatch((c) -> c.method() == MatchMethod.MANUAL)) {
			return;
		}
		assertThat(run.unexemptedState().category()).isNotIn(LINKED);
		assertThat(run.findings().get(0).category()).isNotIn(LINKED);
	}

	@Property
	void aTokenIsStaleExactlyWhenOlderThanItsMaximumAge(@ForAll("runs") Run run) {
		AccountDetails details = run.accountCase().details();
		Duration maxAge = (run.accountCase().facts().maxTokenAge() != null) ? run.accountCase().facts().maxTokenAge()
				: run.rules().tokenMaxAge();
		boolean stale = details != null && details.oldestLiveToken() != null && Duration
			.between(Instant.ofEpochSecond(details.oldestLiveToken()), run.rules().now())
			.compareTo(maxAge) > 0;
		assertThat(run.categories().contains(Category.TOKEN_STALE)).isEqualTo(stale);
	}

	@Property
	void aDisabledAccountHasLeftoverTokensExactlyWhenItHoldsLiveOnes(@ForAll("runs") Run run) {
		AccountDetails details = run.accountCase().details();
		boolean leftover = details != null && run.account().disabled() && details.liveTokens() > 0;
		assertThat(run.categories().contains(Category.LEAVER_HAS_TOKENS)).isEqualTo(leftover);
	}

	@Property
	void privilegeAndAttributeDriftConcernEnabledHumanAccountsOnly(@ForAll("runs") Run run) {
		Account account = run.account();
		if (run.categories().contains(Category.PRIVILEGED_DRIFT)) {
			assertThat(account.kind()).isEqualTo(AccountKind.HUMAN);
			assertThat(account.enabled()).isTrue();
			assertThat(account.admin()).isTrue();
		}
		if (run.categories().contains(Category.ATTRIBUTE_DRIFT)) {
			assertThat(account.kind()).isEqualTo(AccountKind.HUMAN);
			assertThat(account.enabled()).isTrue();
			// a difference in whitespace or Unicode form alone is no drift
			assertThat(settled(run.accountCase())).singleElement()
				.satisfies((claimant) -> assertThat(Classifier.normalizeName(claimant.person().displayName()))
					.isNotEqualTo(Classifier.normalizeName(account.realName())));
		}
	}

	@Property
	void noAccountChangesOnLessThanHighConfidence(@ForAll("runs") Run run) {
		Finding state = run.findings().get(0);
		for (Action action : Planner.planAccount(run.findings())) {
			assertThat(action.phid()).isEqualTo(run.account().phid());
			if (CHANGES.contains(action.type()) && state.category() != Category.ORPHAN) {
				assertThat(state.confidence()).as(action.toString()).isEqualTo(Confidence.HIGH);
			}
			if (action.type() == ActionType.ENABLE) {
				assertThat(state.category()).isEqualTo(Category.REENABLE_CANDIDATE);
			}
		}
	}

	// 5,000 tries: the rarest case (NOT_ENTITLED) comes up about 20 times, so a run that misses one means a generator
	// no longer reaches it, not bad luck
	@Property(tries = 5000)
	@StatisticsReport(onFailureOnly = true)
	void theGeneratorsReachEveryStateAndEveryCaseTheRulesGuard(@ForAll("runs") Run run) {
		// given what the other properties only check under a condition
		AccountCase accountCase = run.accountCase();
		Exemption exemption = accountCase.facts().exemption();
		boolean human = run.account().kind() == AccountKind.HUMAN;
		List<Candidate> candidates = accountCase.candidates();
		long manual = candidates.stream().filter((c) -> c.method() == MatchMethod.MANUAL).count();

		// when
		Statistics.label("state").collect(run.unexemptedState().category());
		Statistics.label("reported").collect(run.findings().get(0).category());
		for (Category category : Category.values()) {
			if (category.kind() == Category.Kind.ADDITIONAL) {
				Statistics.label(category.name()).collect(run.categories().contains(category));
			}
		}
		Statistics.label("current exemption").collect(exemption != null && exemption.holdsOn(run.rules().today()));
		Statistics.label("expired exemption").collect(exemption != null && !exemption.holdsOn(run.rules().today()));
		Statistics.label("incomplete").collect(!run.completeness().all());
		Statistics.label("real name alone").collect(human && !candidates.isEmpty()
				&& candidates.stream().allMatch((c) -> c.method() == MatchMethod.REAL_NAME));
		Statistics.label("one manual mapping and more").collect(human && manual == 1 && candidates.size() > 1);
		Statistics.label("contradicted without mapping").collect(human && manual == 0 && !candidates.isEmpty()
				&& !accountCase.facts().linkContradictions().isEmpty());
		Statistics.label("enabled").collect(Planner.planAccount(run.findings()).stream()
			.anyMatch((action) -> action.type() == ActionType.ENABLE));

		// then every one of them occurs
		Statistics.label("state").coverage((coverage) -> {
			for (Category category : Category.values()) {
				if (category.accountState() && category != Category.EXEMPT) {
					coverage.check(category).count((n) -> n > 0);
				}
			}
		});
		Statistics.label("reported").coverage((coverage) -> coverage.check(Category.EXEMPT).count((n) -> n > 0));
		for (String label : List.of("ATTRIBUTE_DRIFT", "PRIVILEGED_DRIFT", "TOKEN_STALE", "LEAVER_HAS_TOKENS",
				"EXEMPTION_EXPIRED", "current exemption", "expired exemption", "incomplete", "real name alone",
				"one manual mapping and more", "contradicted without mapping", "enabled")) {
			Statistics.label(label).coverage((coverage) -> coverage.check(true).count((n) -> n > 0));
		}
	}

	/** The candidates that count: a manual mapping settles every weaker claim. */
	/** The claims that count: a real name only when nothing stronger claims the account, a manual mapping over all. */
	private static List<Candidate> settled(AccountCase accountCase) {
		List<Candidate> strong = accountCase.candidates().stream()
			.filter((c) -> c.method().confidence() != Confidence.LOW).toList();
		List<Candidate> counted = strong.isEmpty() ? accountCase.candidates() : strong;
		List<Candidate> manual = counted.stream().filter((c) -> c.method() == MatchMethod.MANUAL).toList();
		return manual.isEmpty() ? counted : manual;
	}

	@Provide
	Arbitrary<Run> runs() {
		return Combinators.combine(accountCases(), completeness(), rules()).as(Run::new);
	}

	private static Arbitrary<AccountCase> accountCases() {
		Arbitrary<BotOwnership> ownership = Combinators
			.combine(person().injectNull(0.3), Arbitraries.of("owner@example.com"))
			.as((owner, email) -> new BotOwnership(email, owner));
		return Combinators
			.combine(account(), candidates(), ownership.injectNull(0.3), details().injectNull(0.3), facts())
			.as(AccountCase::new);
	}

	private static Arbitrary<Account> account() {
		return Combinators
			.combine(Arbitraries.frequency(Tuple.of(4, AccountKind.HUMAN), Tuple.of(1, AccountKind.BOT),
					Tuple.of(1, AccountKind.LIST)), Arbitraries.of(true, false), Arbitraries.of(true, false),
					Arbitraries.of(true, false), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
					Arbitraries.of(NAMES))
			.as((kind, disabled, approved, admin, username, realName) -> new Account(1, "PHID-USER-" + username,
					username, realName, kind, disabled, approved, admin, 0));
	}

	/** Mostly one claimant, whom most states need; none, two or three often enough for orphans and disputes. */
	private static Arbitrary<List<Candidate>> candidates() {
		return Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(6, 1), Tuple.of(1, 2), Tuple.of(1, 3))
			.flatMap((size) -> candidate().list().ofSize(size));
	}

	private static Arbitrary<Candidate> candidate() {
		return Combinators
			.combine(person(), Arbitraries.of(MatchMethod.class),
					Arbitraries.frequency(Tuple.of(5, 1), Tuple.of(1, 2), Tuple.of(1, 3)))
			.as((person, method, claimed) -> new Candidate(person, method, person.key(), claimed));
	}

	private static Arbitrary<Person> person() {
		return Combinators
			.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), Arbitraries.of(NAMES),
					Arbitraries.frequency(Tuple.of(4, Lifecycle.ACTIVE), Tuple.of(1, Lifecycle.PENDING),
							Tuple.of(2, Lifecycle.SUSPENDED), Tuple.of(2, Lifecycle.DEPROVISIONED)),
					Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
					Arbitraries.of("okta says active, google says suspended").injectNull(0.7),
					Arbitraries.of(true, false).injectNull(0.3))
			.as((local, name, lifecycle, entitled, conflict, adminMember) -> new Person(local + "@example.com", name,
					List.of(local + "@example.com"), lifecycle, "okta:" + local + " " + lifecycle, entitled, conflict,
					null, adminMember, List.of("okta:" + local)));
	}

	private static Arbitrary<AccountDetails> details() {
		// token ages around the maximum ages rules() and facts() choose from, to the second
		Arbitrary<Duration> ages = Combinators
			.combine(Arbitraries.of(1L, 29L, 30L, 31L, 89L, 90L, 91L, 364L, 365L, 366L, 800L),
					Arbitraries.of(-1L, 0L, 1L))
			.as((days, seconds) -> Duration.ofDays(days).plusSeconds(seconds));
		return Combinators
			.combine(Arbitraries.of(true, false).injectNull(0.3), Arbitraries.integers().between(0, 3),
					Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2), ages)
			.as((mfa, live, addresses, external, age) -> new AccountDetails(mfa, live, addresses, addresses / 2,
					external, (live == 0) ? null : NOW.minus(age).getEpochSecond()));
	}

	private static Arbitrary<AccountFacts> facts() {
		Arbitrary<Exemption> exemptions = Arbitraries.of(-30, -1, 0, 1, 30, Integer.MAX_VALUE)
			.map((days) -> new Exemption("someone", "carol@example.com", "migration",
					(days == Integer.MAX_VALUE) ? null : TODAY.plusDays(days), "exemptions.csv:2"));
		return Combinators
			.combine(exemptions.injectNull(0.4),
					Arbitraries.of("idsync's journal: idsync disabled it on 2026-01-02T03:04:05Z (run r1): leaver")
						.injectNull(0.5),
					Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(1, 1), Tuple.of(1, 2))
						.flatMap((size) -> Arbitraries
							.of("okta:00u1 is now linked to another account", "the address moved to bob@example.com")
							.list()
							.ofSize(size)),
					Arbitraries.of(Duration.ofDays(30), Duration.ofDays(90)).injectNull(0.6))
			.as(AccountFacts::new);
	}

	private static Arbitrary<Completeness> completeness() {
		return Combinators
			.combine(Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
					Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)))
			.as((identities, accounts) -> new Completeness(identities, accounts,
					(identities && accounts) ? List.of() : List.of("okta: HTTP 500 (after 2 pages)")));
	}

	private static Arbitrary<Rules> rules() {
		// a run on the day of the generated dates, a day later, or long after (every exemption expired)
		return Combinators
			.combine(Arbitraries.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofDays(400)),
					Arbitraries.of(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(365)),
					Arbitraries.of(true, false))
			.as((later, maxAge, adminGroupsKnown) -> new Rules(NOW.plus(later), maxAge, adminGroupsKnown));
	}

	/** One account in one run: its case, how completely the run read its sources, and the run's rules. */
	record Run(AccountCase accountCase, Completeness completeness, Rules rules) {

		Account account() {
			return this.accountCase.account();
		}

		List<Finding> findings() {
			return Classifier.classifyAll(this.accountCase, this.completeness, this.rules);
		}

		List<Category> categories() {
			return findings().stream().map(Finding::category).toList();
		}

		/** The state the account has, exemption or not. */
		Finding unexemptedState() {
			return Classifier.classify(this.accountCase, this.completeness);
		}

	}

}
