package dev.idsync.reconcile;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;
import dev.idsync.remediate.Planner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the classification that must hold for every input.
 */
class ClassifierPropertyTests {

	@Property
	void everyAccountGetsExactlyOneFindingAboutItself(@ForAll("cases") AccountCase accountCase) {
		Finding finding = Classifier.classify(accountCase);
		assertThat(finding.username()).isEqualTo(accountCase.account().username());
		assertThat(finding.phid()).isEqualTo(accountCase.account().phid());
		assertThat(finding.category()).isNotEqualTo(Category.JOINER_NO_ACCOUNT);
	}

	@Property
	void sameInputGivesSameFinding(@ForAll("cases") AccountCase accountCase) {
		assertThat(Classifier.classify(accountCase)).isEqualTo(Classifier.classify(accountCase));
	}

	@Property
	void mailingListsAndBotsAreNeverOrphansOrLeavers(@ForAll("cases") AccountCase accountCase) {
		Category category = Classifier.classify(accountCase).category();
		if (accountCase.account().kind() != AccountKind.HUMAN) {
			assertThat(category).isNotIn(Category.ORPHAN, Category.LEAVER_ACTIVE, Category.DISPUTED);
		}
		if (accountCase.account().kind() == AccountKind.LIST) {
			assertThat(category).isEqualTo(Category.MAILING_LIST);
		}
	}

	@Property
	void disputesNeverProduceAnAction(@ForAll("cases") AccountCase accountCase) {
		Finding finding = Classifier.classify(accountCase);
		if (finding.category() == Category.DISPUTED) {
			assertThat(Planner.plan(finding)).isEmpty();
		}
	}

	@Property
	void leaverNeedsOneInactiveClaimantAndAnEnabledAccount(@ForAll("cases") AccountCase accountCase) {
		if (Classifier.classify(accountCase).category() == Category.LEAVER_ACTIVE) {
			assertThat(accountCase.account().enabled()).isTrue();
			List<Candidate> strong = accountCase.candidates().stream()
				.filter((candidate) -> candidate.method() != MatchMethod.REAL_NAME).toList();
			List<Candidate> manual = strong.stream()
				.filter((candidate) -> candidate.method() == MatchMethod.MANUAL).toList();
			assertThat(manual.isEmpty() ? strong : manual).singleElement()
				.satisfies((candidate) -> assertThat(candidate.person().lifecycle().isInactive()).isTrue());
		}
	}

	@Property
	void onlyDisabledOrAbsentClaimsMakeNoDrift(@ForAll("cases") AccountCase accountCase) {
		Finding finding = Classifier.classify(accountCase);
		if (finding.category() == Category.ORPHAN) {
			assertThat(accountCase.candidates()).isEmpty();
			assertThat(accountCase.account().enabled()).isTrue();
		}
	}

	@Property
	void noFindingFromAnIncompleteReadEverConcludesAbsenceOrInactivity(@ForAll("cases") AccountCase accountCase,
			@ForAll boolean identitiesComplete, @ForAll boolean accountsComplete) {
		Completeness completeness = new Completeness(identitiesComplete, accountsComplete,
				(identitiesComplete && accountsComplete) ? List.of() : List.of("okta: truncated"));
		Finding finding = Classifier.classify(accountCase, completeness);
		if (!completeness.all()) {
			assertThat(finding.category()).isNotIn(Category.LEAVER_ACTIVE, Category.ORPHAN, Category.NOT_ENTITLED,
					Category.BOT_OWNER_LEFT);
			if (finding.category() == Category.UNVERIFIED) {
				assertThat(Planner.plan(finding)).isEmpty();
			}
		}
		else {
			assertThat(finding).isEqualTo(Classifier.classify(accountCase));
		}
	}

	@Property
	void joinersAreConcludedOnlyFromCompleteReads(@ForAll("people") Person person, @ForAll boolean claimed,
			@ForAll boolean identitiesComplete, @ForAll boolean accountsComplete) {
		Completeness completeness = new Completeness(identitiesComplete, accountsComplete,
				(identitiesComplete && accountsComplete) ? List.of() : List.of("phorge: HTTP 500"));
		List<Finding> findings = Classifier.classifyPerson(person, claimed, completeness);
		assertThat(findings).allSatisfy((finding) -> {
			assertThat(finding.username()).isNull();
			assertThat(finding.identity()).isEqualTo(person.key());
		});
		if (!completeness.all() || claimed || !person.entitled()) {
			assertThat(findings).extracting(Finding::category).doesNotContain(Category.JOINER_NO_ACCOUNT);
		}
	}

	@Provide
	Arbitrary<Person> people() {
		return person();
	}

	@Provide
	Arbitrary<AccountCase> cases() {
		Arbitrary<Account> accounts = Combinators
			.combine(Arbitraries.of(AccountKind.class), Arbitraries.of(true, false), Arbitraries.of(true, false),
					Arbitraries.of(true, false), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
			.as((kind, disabled, approved, admin, name) -> new Account(1, "PHID-USER-" + name, name, name, kind,
					disabled, approved, admin, 0));
		Arbitrary<List<Candidate>> candidates = candidate().list().ofMaxSize(3);
		Arbitrary<BotOwnership> ownership = Combinators.combine(person().injectNull(0.3), Arbitraries.just("o@x.io"))
			.as((owner, email) -> new BotOwnership(email, owner));
		return Combinators.combine(accounts, candidates, ownership.injectNull(0.3))
			.as((account, claims, owner) -> new AccountCase(account, claims, owner));
	}

	private static Arbitrary<Candidate> candidate() {
		return Combinators.combine(person(), Arbitraries.of(MatchMethod.class), Arbitraries.integers().between(1, 3))
			.as((person, method, claimed) -> new Candidate(person, method, person.key(), claimed));
	}

	private static Arbitrary<Person> person() {
		return Combinators
			.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), Arbitraries.of(Lifecycle.class),
					Arbitraries.of(true, false), Arbitraries.of("okta says active, google says suspended").injectNull(0.7))
			.as((name, lifecycle, entitled, conflict) -> new Person(name + "@example.com", name,
					List.of(name + "@example.com"), lifecycle, "okta:" + name + " " + lifecycle, entitled, conflict,
					null));
	}

}
