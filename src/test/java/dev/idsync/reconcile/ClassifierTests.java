package dev.idsync.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountDetails;
import dev.idsync.domain.AccountFacts;
import dev.idsync.domain.AccountKind;
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

class ClassifierTests {

	private static final Person ALICE = person("alice@example.com", Lifecycle.ACTIVE);

	private static final Person BOB_LEFT = person("bob@example.com", Lifecycle.DEPROVISIONED);

	private static final Person ALICE_SMITH = new Person("alice.smith@example.com", "Alice Smith",
			List.of("alice.smith@example.com"), Lifecycle.ACTIVE, "okta:00u2 ACTIVE");

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final Rules RULES = Rules.at(NOW);

	private static final Rules RULES_WITH_ADMIN_GROUPS = new Rules(NOW, Duration.ofDays(365), true);

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

	@Test
	void classifyWhenIdsyncDisabledAnActivePersonsAccountIsReenableCandidate() {
		// given an account idsync disabled, whose person is active and entitled again
		String journal = "idsync's journal: idsync disabled it on 2026-01-02T03:04:05Z (run r1): LEAVER_ACTIVE";
		AccountCase accountCase = human(account("alice", true, true), email(ALICE, 1))
			.withFacts(new AccountFacts(null, journal, List.of(), null));

		// when
		List<Finding> findings = Classifier.classifyAll(accountCase, Completeness.complete(), RULES);

		// then
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.category()).isEqualTo(Category.REENABLE_CANDIDATE);
			assertThat(finding.identity()).isEqualTo("alice@example.com");
			assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
			assertThat(finding.evidence()).contains(journal);
		});
	}

	@Test
	void classifyWhenOnlyARealNameMatchesIsUnlinkedCandidate() {
		// given an enabled account whose real name is the only thing tying it to a person
		Candidate byName = new Candidate(ALICE_SMITH, MatchMethod.REAL_NAME, "Alice Smith", 1);

		// when
		Finding finding = Classifier.classify(human(account("asmith", false, true), byName));

		// then
		assertThat(finding.category()).isEqualTo(Category.UNLINKED_CANDIDATE);
		assertThat(finding.identity()).isEqualTo("alice.smith@example.com");
		assertThat(finding.confidence()).isEqualTo(Confidence.LOW);
		assertThat(finding.rule()).contains("a real name alone never links an account");
		assertThat(finding.evidence()).contains("identity alice.smith@example.com: okta:00u2 ACTIVE | real name "
				+ "\"Alice Smith\" equals the identity's (low confidence, never acted on)");
	}

	@Test
	void classifyWhenADisabledAccountHasOnlyARealNameCandidateIsUnlinkedDisabled() {
		// given a disabled account whose real name is the only thing tying it to a person
		Candidate byName = new Candidate(ALICE_SMITH, MatchMethod.REAL_NAME, "Alice Smith", 1);

		// when
		Finding finding = Classifier.classify(human(account("asmith", true, true), byName));

		// then
		assertThat(finding.category()).isEqualTo(Category.UNLINKED_DISABLED);
		assertThat(finding.identity()).isNull();
		assertThat(finding.matchedBy()).isNull();
		assertThat(finding.rule()).contains("a real name alone does not link it");
	}

	@Test
	void classifyWhenExemptIsExemptAndSaysWhatItWouldOtherwiseBe() {
		// given a leaver's enabled account, exempt for ten more days
		Exemption exemption = new Exemption("bob", "carol@example.com", "hands over the release", TODAY.plusDays(10),
				"exemptions.csv:4");
		AccountCase accountCase = human(account("bob", false, true), email(BOB_LEFT, 1))
			.withFacts(new AccountFacts(exemption, null, List.of(), null));

		// when
		List<Finding> findings = Classifier.classifyAll(accountCase, Completeness.complete(), RULES);

		// then
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.category()).isEqualTo(Category.EXEMPT);
			assertThat(finding.identity()).isEqualTo("bob@example.com");
			assertThat(finding.rule())
				.isEqualTo("an exempt account is reported but never acted on until its exemption expires");
			assertThat(finding.evidence()).startsWith(
					"exempt until 2026-06-25, owner carol@example.com: hands over the release (exemptions.csv:4)",
					"would otherwise be LEAVER_ACTIVE: an identity inactive in every source must not have an enabled "
							+ "account");
		});
	}

	@Test
	void classifyWhenProtectedIsExemptForGood() {
		// given a break-glass admin nobody claims, protected without expiry
		Exemption protection = new Exemption("breakglass", "security@example.com", "break-glass administrator", null,
				"idsync.reconcile.protected-accounts");
		AccountCase accountCase = new AccountCase(admin("breakglass"), List.of(), null)
			.withFacts(new AccountFacts(protection, null, List.of(), null));

		// when: even years later
		List<Finding> findings = Classifier.classifyAll(accountCase, Completeness.complete(),
				Rules.at(NOW.plus(Duration.ofDays(3650))));

		// then
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.category()).isEqualTo(Category.EXEMPT);
			assertThat(finding.rule()).isEqualTo("a protected account is reported but never acted on");
			assertThat(finding.evidence()).startsWith("protected account, owner security@example.com: break-glass "
					+ "administrator (idsync.reconcile.protected-accounts)");
			assertThat(finding.evidence()).anyMatch((line) -> line.startsWith("would otherwise be ORPHAN: "));
		});
	}

	@Test
	void classifyWhenExemptionExpiredReportsItBesideTheNormalState() {
		// given an exemption whose last day was yesterday, and one whose last day is today
		Exemption expired = new Exemption("bob", "carol@example.com", "hands over the release", TODAY.minusDays(1),
				"exemptions.csv:4");
		AccountCase accountCase = human(account("bob", false, true), email(BOB_LEFT, 1));

		// when
		List<Finding> findings = Classifier.classifyAll(
				accountCase.withFacts(new AccountFacts(expired, null, List.of(), null)), Completeness.complete(), RULES);
		List<Finding> lastDay = Classifier.classifyAll(accountCase.withFacts(new AccountFacts(
				new Exemption("bob", "carol@example.com", "r", TODAY, "exemptions.csv:5"), null, List.of(), null)),
				Completeness.complete(), RULES);

		// then the account is what it would be without the exemption, and the expiry is a finding of its own
		assertThat(findings).extracting(Finding::category)
			.containsExactly(Category.LEAVER_ACTIVE, Category.EXEMPTION_EXPIRED);
		assertThat(findings.get(0)).isEqualTo(Classifier.classify(accountCase));
		assertThat(findings.get(1).rule()).isEqualTo("an expired exemption no longer holds: renew it or drop it");
		assertThat(findings.get(1).evidence()).containsExactly(
				"exempt until 2026-06-14, owner carol@example.com: hands over the release (exemptions.csv:4)");
		assertThat(lastDay).extracting(Finding::category).containsExactly(Category.EXEMPT);
	}

	@Test
	void classifyWhenAManualMappingSettlesADisputeLinksTheMappedPerson() {
		// given two people who claim the account by email, one of them also mapped to it by an admin
		Person carol = person("carol@example.com", Lifecycle.ACTIVE);
		Candidate mapped = new Candidate(ALICE, MatchMethod.MANUAL,
				"by admin@example.com: shared address, Alice is the owner (mappings.csv:3)", 1);
		Account account = account("alice", false, true);

		// when
		Finding disputed = Classifier.classify(human(account, email(ALICE, 1), email(carol, 1)));
		Finding settled = Classifier.classify(human(account, mapped, email(carol, 1)));

		// then
		assertThat(disputed.category()).isEqualTo(Category.DISPUTED);
		assertThat(settled.category()).isEqualTo(Category.LINKED_OK);
		assertThat(settled.identity()).isEqualTo("alice@example.com");
		assertThat(settled.matchedBy()).isEqualTo(MatchMethod.MANUAL);
		assertThat(settled.evidence()).contains(
				"mapped manually: by admin@example.com: shared address, Alice is the owner (mappings.csv:3) "
						+ "(high confidence)",
				"the manual mapping settles 1 weaker claim(s): carol@example.com EMAIL");
	}

	@Test
	void classifyWhenEvidenceContradictsAnEarlierLinkIsDisputedWithTheContradiction() {
		// given an email match, and an earlier run's link of the account to another IdP id
		String contradiction = "identity_link: @alice was linked to okta:00u1 in run r7; that record now belongs to "
				+ "carol@example.com";
		AccountCase accountCase = human(account("alice", false, true), email(ALICE, 1))
			.withFacts(new AccountFacts(null, null, List.of(contradiction), null));

		// when
		Finding finding = Classifier.classify(accountCase, Completeness.complete());

		// then
		assertThat(finding.category()).isEqualTo(Category.DISPUTED);
		assertThat(finding.identity()).isEqualTo("alice@example.com");
		assertThat(finding.rule()).startsWith("evidence that contradicts an earlier link is reported, never silently "
				+ "relinked");
		assertThat(finding.evidence()).contains(contradiction);
	}

	@Test
	void classifyWhenRealNameDiffersFromTheIdentitysIsAttributeDrift() {
		// given an account whose real name is spelt differently from its person's name
		AccountCase accountCase = human(account("asmith", "Alice Smyth"), email(ALICE_SMITH, 1));

		// when
		List<Finding> findings = Classifier.classifyAll(accountCase, Completeness.complete(), RULES);

		// then
		assertThat(findings).extracting(Finding::category)
			.containsExactly(Category.LINKED_OK, Category.ATTRIBUTE_DRIFT);
		assertThat(findings.get(1).evidence()).containsExactly("phorge: @asmith real name \"Alice Smyth\"",
				"identity alice.smith@example.com: name \"Alice Smith\" (okta:00u2 ACTIVE)");
	}

	@Test
	void classifyWhenRealNameDiffersOnlyInWhitespaceIsNoAttributeDrift() {
		// given an account whose real name differs from its person's only in spacing
		AccountCase accountCase = human(account("asmith", "  Alice \t Smith "), email(ALICE_SMITH, 1));

		// when / then
		assertThat(Classifier.classifyAll(accountCase, Completeness.complete(), RULES)).extracting(Finding::category)
			.containsExactly(Category.LINKED_OK);
	}

	@Test
	void classifyWhenAdminIsOutsideTheAdminGroupsIsPrivilegedDrift() {
		// given an administrator whose person is in no configured admin group
		Person outsider = new Person("alice@example.com", "alice", List.of("alice@example.com"),
				Lifecycle.ACTIVE, "okta:00u1 ACTIVE", true, null, null, false, List.of("okta:00u1"));

		// when
		List<Finding> findings = Classifier.classifyAll(human(admin("alice"), email(outsider, 1)),
				Completeness.complete(), RULES_WITH_ADMIN_GROUPS);

		// then
		assertThat(findings).extracting(Finding::category)
			.containsExactly(Category.LINKED_OK, Category.PRIVILEGED_DRIFT);
		assertThat(findings.get(1).evidence()).containsExactly("phorge: @alice (human) enabled, approved, admin",
				"identity alice@example.com is in no configured admin group");
	}

	@Test
	void classifyWhenAdminsPersonIsOnlyInASourceWithoutAdminGroupsIsOutsideThem() {
		// given an administrator whose person only Google knows, while only Okta has admin groups
		Person googleOnly = new Person("alice@example.com", "alice", List.of("alice@example.com"), Lifecycle.ACTIVE,
				"google:1034 active", true, null, null, null, List.of("google:1034"));

		// when
		List<Finding> known = Classifier.classifyAll(human(admin("alice"), email(googleOnly, 1)),
				Completeness.complete(), RULES_WITH_ADMIN_GROUPS);
		List<Finding> noGroups = Classifier.classifyAll(human(admin("alice"), email(googleOnly, 1)),
				Completeness.complete(), RULES);

		// then
		assertThat(known).extracting(Finding::category).containsExactly(Category.LINKED_OK, Category.PRIVILEGED_DRIFT);
		assertThat(noGroups).extracting(Finding::category).containsExactly(Category.LINKED_OK);
	}

	@Test
	void classifyWhenAdminNobodyClaimsIsPrivilegedDriftOnlyWhenAdminGroupsAreKnown() {
		// given an administrator nobody claims
		AccountCase accountCase = new AccountCase(admin("root"), List.of(), null);

		// when
		List<Finding> known = Classifier.classifyAll(accountCase, Completeness.complete(), RULES_WITH_ADMIN_GROUPS);
		List<Finding> unknown = Classifier.classifyAll(accountCase, Completeness.complete(), RULES);

		// then
		assertThat(known).extracting(Finding::category).containsExactly(Category.ORPHAN, Category.PRIVILEGED_DRIFT);
		assertThat(known.get(1).evidence())
			.contains("no single identity claims it, so nobody in the configured admin groups answers for it");
		assertThat(unknown).extracting(Finding::category).containsExactly(Category.ORPHAN);
	}

	@Test
	void classifyWhenAdminIsNotEnrolledInMfaIsPrivilegedDrift() {
		// given an administrator in the admin group, without and with MFA
		Person member = new Person("alice@example.com", "alice", List.of("alice@example.com"),
				Lifecycle.ACTIVE, "okta:00u1 ACTIVE", true, null, null, true, List.of("okta:00u1"));
		AccountCase withoutMfa = new AccountCase(admin("alice"), List.of(email(member, 1)), null,
				new AccountDetails(false, 0, 1, 0, 0));
		AccountCase withMfa = new AccountCase(admin("alice"), List.of(email(member, 1)), null,
				new AccountDetails(true, 0, 1, 0, 0));

		// when
		List<Finding> findings = Classifier.classifyAll(withoutMfa, Completeness.complete(), RULES_WITH_ADMIN_GROUPS);

		// then
		assertThat(findings).extracting(Finding::category)
			.containsExactly(Category.LINKED_OK, Category.PRIVILEGED_DRIFT);
		assertThat(findings.get(1).evidence()).containsExactly("phorge: @alice (human) enabled, approved, admin",
				"phorge database: not enrolled in MFA");
		assertThat(Classifier.classifyAll(withMfa, Completeness.complete(), RULES_WITH_ADMIN_GROUPS))
			.extracting(Finding::category)
			.containsExactly(Category.LINKED_OK);
	}

	@Test
	void classifyWhenABotsTokenIsOlderThanItsOwnMaximumAgeIsTokenStale() {
		// given a bot with two live tokens, the oldest 100 days old: within the default year, beyond its own 90 days
		Account bot = new Account(3, "PHID-USER-bot", "ci-bot", "CI", AccountKind.BOT, false, true, false, 0);
		AccountCase accountCase = new AccountCase(bot, List.of(), new BotOwnership("alice@example.com", ALICE),
				new AccountDetails(null, 2, 0, 0, 0, NOW.minus(Duration.ofDays(100)).getEpochSecond()));

		// when
		List<Finding> byDefault = Classifier.classifyAll(accountCase, Completeness.complete(), RULES);
		List<Finding> byItsOwn = Classifier.classifyAll(
				accountCase.withFacts(new AccountFacts(null, null, List.of(), Duration.ofDays(90))),
				Completeness.complete(), RULES);

		// then
		assertThat(byDefault).extracting(Finding::category).containsExactly(Category.LINKED_OK);
		assertThat(byItsOwn).extracting(Finding::category).containsExactly(Category.LINKED_OK, Category.TOKEN_STALE);
		assertThat(byItsOwn.get(1).rule())
			.isEqualTo("a live API token must be rotated before it is older than 90 days");
		assertThat(byItsOwn.get(1).evidence()).containsExactly("phorge database: oldest live API token created "
				+ "2026-03-07T12:00:00Z, 100 days ago (limit 90 days); 2 live in all");
	}

	@Test
	void classifyWhenATokenIsOlderThanTheDefaultMaximumAgeIsTokenStale() {
		// given a person's account with a token 366 days old, and the default of a year
		AccountCase accountCase = new AccountCase(account("alice", false, true), List.of(email(ALICE, 1)), null,
				new AccountDetails(true, 1, 1, 0, 0, NOW.minus(Duration.ofDays(366)).getEpochSecond()));

		// when / then
		assertThat(Classifier.classifyAll(accountCase, Completeness.complete(), RULES)).extracting(Finding::category)
			.containsExactly(Category.LINKED_OK, Category.TOKEN_STALE);
	}

	@Test
	void classifyWhenADisabledAccountHoldsLiveTokensIsLeaverHasTokens() {
		// given a leaver's disabled account that still holds two fresh tokens, and the same account enabled
		AccountDetails tokens = new AccountDetails(null, 2, 1, 0, 0, NOW.minus(Duration.ofDays(5)).getEpochSecond());
		AccountCase disabled = new AccountCase(account("bob", true, true), List.of(email(BOB_LEFT, 1)), null, tokens);
		AccountCase enabled = new AccountCase(account("bob", false, true), List.of(email(BOB_LEFT, 1)), null, tokens);

		// when
		List<Finding> findings = Classifier.classifyAll(disabled, Completeness.complete(), RULES);

		// then
		assertThat(findings).extracting(Finding::category)
			.containsExactly(Category.LINKED_OK, Category.LEAVER_HAS_TOKENS);
		assertThat(findings.get(1).evidence()).containsExactly("phorge: @bob (human) disabled, approved",
				"phorge database: 2 live API tokens");
		assertThat(Classifier.classifyAll(enabled, Completeness.complete(), RULES)).extracting(Finding::category)
			.containsExactly(Category.LEAVER_ACTIVE);
	}

	static Person person(String email, Lifecycle lifecycle) {
		String okta = switch (lifecycle) {
			case ACTIVE -> "ACTIVE";
			case PENDING -> "STAGED";
			case SUSPENDED -> "SUSPENDED";
			case DEPROVISIONED -> "DEPROVISIONED";
		};
		// named like the accounts account() makes, so that only the tests about names see attribute drift
		return new Person(email, email.substring(0, email.indexOf('@')), List.of(email), lifecycle,
				"okta:00u1 " + okta);
	}

	@Test
	void classifyWhenPersonHasNotStartedYetLeavesTheAccountAlone() {
		// given a person Okta has staged but not activated, whose account awaits approval
		Person staged = person("new@example.com", Lifecycle.PENDING);

		// when
		Finding finding = Classifier.classify(human(account("new", false, false), email(staged, 1)));

		// then: not PENDING_APPROVAL (which would approve it), not a joiner, not a leaver
		assertThat(finding.category()).isEqualTo(Category.LINKED_OK);
		assertThat(finding.rule()).contains("has not started yet");
		assertThat(Planner.plan(finding)).isEmpty();
	}

	private static Account account(String username, boolean disabled, boolean approved) {
		return new Account(1, "PHID-USER-" + username, username, username, AccountKind.HUMAN, disabled, approved,
				false, 0);
	}

	private static Account account(String username, String realName) {
		return new Account(1, "PHID-USER-" + username, username, realName, AccountKind.HUMAN, false, true, false, 0);
	}

	private static Account admin(String username) {
		return new Account(1, "PHID-USER-" + username, username, username, AccountKind.HUMAN, false, true, true, 0);
	}

	private static Candidate email(Person person, int accountsClaimed) {
		return new Candidate(person, MatchMethod.EMAIL, person.key(), accountsClaimed);
	}

	private static AccountCase human(Account account, Candidate... candidates) {
		return new AccountCase(account, List.of(candidates), null);
	}

}
