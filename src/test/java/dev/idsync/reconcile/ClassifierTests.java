package dev.idsync.reconcile;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTests {

	private static final Person ALICE = person("alice@example.com", Lifecycle.ACTIVE);

	private static final Person BOB_LEFT = person("bob@example.com", Lifecycle.DEPROVISIONED);

	@Test
	void classifyWhenLeaverStillEnabledIsLeaverActive() {
		Finding finding = Classifier.classify(human(account("bob", false, true), email(BOB_LEFT, 1)));
		assertThat(finding.category()).isEqualTo(Category.LEAVER_ACTIVE);
		assertThat(finding.identity()).isEqualTo("bob@example.com");
		assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
		assertThat(finding.evidence()).anyMatch((fact) -> fact.contains("okta:00u1 DEPROVISIONED"))
			.anyMatch((fact) -> fact.contains("matched by email bob@example.com"));
	}

	@Test
	void classifyWhenLeaverAlreadyDisabledIsLinkedOk() {
		assertThat(Classifier.classify(human(account("bob", true, true), email(BOB_LEFT, 1))).category())
			.isEqualTo(Category.LINKED_OK);
	}

	@Test
	void classifyWhenNobodyClaimsEnabledAccountIsOrphan() {
		Finding finding = Classifier.classify(human(account("ghost", false, true)));
		assertThat(finding.category()).isEqualTo(Category.ORPHAN);
		assertThat(finding.identity()).isNull();
	}

	@Test
	void classifyWhenNobodyClaimsDisabledAccountIsUnlinkedDisabled() {
		assertThat(Classifier.classify(human(account("ghost", true, true))).category())
			.isEqualTo(Category.UNLINKED_DISABLED);
	}

	@Test
	void classifyWhenTwoPeopleClaimAccountIsDisputed() {
		Finding finding = Classifier.classify(human(account("shared", false, true), email(ALICE, 1),
				email(person("carol@example.com", Lifecycle.ACTIVE), 1)));
		assertThat(finding.category()).isEqualTo(Category.DISPUTED);
		assertThat(finding.identity()).isNull();
		assertThat(finding.evidence()).hasSize(3);
	}

	@Test
	void classifyWhenPersonClaimsTwoAccountsIsDisputed() {
		Finding finding = Classifier.classify(human(account("alice2", false, true), email(ALICE, 2)));
		assertThat(finding.category()).isEqualTo(Category.DISPUTED);
		assertThat(finding.identity()).isEqualTo("alice@example.com");
	}

	@Test
	void classifyWhenActivePersonUnapprovedIsPendingApproval() {
		assertThat(Classifier.classify(human(account("alice", false, false), email(ALICE, 1))).category())
			.isEqualTo(Category.PENDING_APPROVAL);
	}

	@Test
	void classifyWhenActivePersonDisabledIsLinkedDisabled() {
		assertThat(Classifier.classify(human(account("alice", true, true), email(ALICE, 1))).category())
			.isEqualTo(Category.LINKED_DISABLED);
	}

	@Test
	void classifyWhenMatchedByUsernameCarriesMediumConfidence() {
		Candidate byName = new Candidate(ALICE, MatchMethod.USERNAME, "alice", 1);
		Finding finding = Classifier.classify(new AccountCase(account("alice", false, true), List.of(byName), null));
		assertThat(finding.category()).isEqualTo(Category.LINKED_OK);
		assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
	}

	@Test
	void classifyWhenMatchedByUnverifiedAddressSaysSoWithMediumConfidence() {
		Candidate unverified = new Candidate(ALICE, MatchMethod.UNVERIFIED_EMAIL, "alice@example.com", 1);
		Finding finding = Classifier.classify(new AccountCase(account("alice", false, true), List.of(unverified),
				null));
		assertThat(finding.category()).isEqualTo(Category.LINKED_OK);
		assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
		assertThat(finding.evidence()).contains("matched by email alice@example.com, an address the account holds but "
				+ "never verified (medium confidence)");
	}

	@Test
	void classifyWhenMailingListIsNeverAPerson() {
		Account list = new Account(9, "PHID-USER-list", "ops-list", "Ops", AccountKind.LIST, false, true, false, 0);
		assertThat(Classifier.classify(new AccountCase(list, List.of(), null)).category())
			.isEqualTo(Category.MAILING_LIST);
	}

	@Test
	void classifyBotByItsOwner() {
		Account bot = new Account(3, "PHID-USER-bot", "ci-bot", "CI", AccountKind.BOT, false, true, false, 0);
		assertThat(Classifier.classify(new AccountCase(bot, List.of(), null)).category())
			.isEqualTo(Category.BOT_NO_OWNER);
		assertThat(Classifier.classify(new AccountCase(bot, List.of(), new BotOwnership("alice@example.com", ALICE)))
			.category()).isEqualTo(Category.LINKED_OK);
		assertThat(Classifier
			.classify(new AccountCase(bot, List.of(), new BotOwnership("bob@example.com", BOB_LEFT)))
			.category()).isEqualTo(Category.BOT_OWNER_LEFT);
		assertThat(Classifier.classify(new AccountCase(bot, List.of(), new BotOwnership("gone@example.com", null)))
			.category()).isEqualTo(Category.BOT_OWNER_LEFT);
	}

	@Test
	void classifyWhenActivePersonOutsideEntitlementIsNotEntitled() {
		Person outsider = new Person("out@example.com", "Out", List.of("out@example.com"), Lifecycle.ACTIVE,
				"okta:00u9 ACTIVE (not entitled)", false, null, null);
		assertThat(Classifier.classify(human(account("out", false, true), email(outsider, 1))).category())
			.isEqualTo(Category.NOT_ENTITLED);
		assertThat(Classifier.classify(human(account("out", true, true), email(outsider, 1))).category())
			.isEqualTo(Category.LINKED_OK);
		assertThat(Classifier.classifyUnclaimed(outsider)).isEmpty();
	}

	@Test
	void classifyWhenASourceIsIncompleteNeverConcludesLeaverOrOrphan() {
		Completeness incomplete = new Completeness(false, true, List.of("okta: HTTP 500 (after 2 pages)"));
		Finding leaver = Classifier.classify(human(account("bob", false, true), email(BOB_LEFT, 1)), incomplete);
		assertThat(leaver.category()).isEqualTo(Category.UNVERIFIED);
		assertThat(leaver.rule()).startsWith("would be LEAVER_ACTIVE");
		assertThat(leaver.evidence()).contains("incomplete source okta: HTTP 500 (after 2 pages)");
		assertThat(Classifier.classify(human(account("ghost", false, true)), incomplete).category())
			.isEqualTo(Category.UNVERIFIED);
		assertThat(Classifier.classify(human(account("alice", false, true), email(ALICE, 1)), incomplete).category())
			.isEqualTo(Category.LINKED_OK);
	}

	@Test
	void classifyPersonWhenAccountsIncompleteDoesNotConcludeJoiner() {
		Completeness accountsIncomplete = new Completeness(true, false, List.of("phorge: HTTP 500"));
		assertThat(Classifier.classifyPerson(ALICE, false, accountsIncomplete)).singleElement()
			.extracting(Finding::category)
			.isEqualTo(Category.UNVERIFIED);
		assertThat(Classifier.classifyPerson(ALICE, false, Completeness.complete())).singleElement()
			.extracting(Finding::category)
			.isEqualTo(Category.JOINER_NO_ACCOUNT);
		assertThat(Classifier.classifyPerson(ALICE, true, Completeness.complete())).isEmpty();
	}

	@Test
	void classifyPersonReportsContradictingSources() {
		Person split = new Person("s@example.com", "S", List.of("s@example.com"), Lifecycle.ACTIVE,
				"okta:1 ACTIVE; google:2 suspended", true, "okta says active (ACTIVE), google says suspended (suspended)",
				null);
		assertThat(Classifier.classifyPerson(split, true, Completeness.complete())).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.category()).isEqualTo(Category.SOURCE_CONFLICT);
				assertThat(finding.identity()).isEqualTo("s@example.com");
				assertThat(finding.evidence()).contains(
						"conflict: okta says active (ACTIVE), google says suspended (suspended)");
			});
	}

	@Test
	void classifyUnclaimedOnlyReportsActivePeople() {
		assertThat(Classifier.classifyUnclaimed(ALICE)).get()
			.extracting(Finding::category)
			.isEqualTo(Category.JOINER_NO_ACCOUNT);
		assertThat(Classifier.classifyUnclaimed(BOB_LEFT)).isEmpty();
		assertThat(Classifier.classifyUnclaimed(person("new@example.com", Lifecycle.PENDING))).isEmpty();
	}

	static Person person(String email, Lifecycle lifecycle) {
		return new Person(email, email, List.of(email), lifecycle, "okta:00u1 " + switch (lifecycle) {
			case ACTIVE -> "ACTIVE";
			case PENDING -> "STAGED";
			case SUSPENDED -> "SUSPENDED";
			case DEPROVISIONED -> "DEPROVISIONED";
		});
	}

	private static Account account(String username, boolean disabled, boolean approved) {
		return new Account(1, "PHID-USER-" + username, username, username, AccountKind.HUMAN, disabled, approved,
				false, 0);
	}

	private static Candidate email(Person person, int accountsClaimed) {
		return new Candidate(person, MatchMethod.EMAIL, person.key(), accountsClaimed);
	}

	private static AccountCase human(Account account, Candidate... candidates) {
		return new AccountCase(account, List.of(candidates), null);
	}

}
