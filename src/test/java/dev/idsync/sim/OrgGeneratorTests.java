package dev.idsync.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.idsync.domain.Category;
import dev.idsync.domain.MatchMethod;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimGroup;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrgGeneratorTests {

	/** Every category but UNVERIFIED, which only an incompletely read source gives. */
	private static final List<String> PLANTABLE = Arrays.stream(Category.values())
		.filter((c) -> c != Category.UNVERIFIED)
		.map(Category::name)
		.toList();

	/** The categories only Phorge's database shows. */
	private static final List<String> DATABASE_ONLY = List.of("REENABLE_CANDIDATE", "TOKEN_STALE",
			"LEAVER_HAS_TOKENS");

	@Test
	void generateWithSameSeedGivesSameOrganisation() {
		SyntheticOrg first = OrgGenerator.generate(7, 300);
		SyntheticOrg second = OrgGenerator.generate(7, 300);
		assertThat(second.truth()).isEqualTo(first.truth());
		assertThat(second.phorgeUsers()).isEqualTo(first.phorgeUsers());
		assertThat(second.oktaUsers()).isEqualTo(first.oktaUsers());
		assertThat(OrgGenerator.generate(8, 300).truth()).isNotEqualTo(first.truth());
	}

	@Test
	void generateWithSameSeedGivesSameSignIns() {
		SyntheticOrg first = OrgGenerator.generate(7, 300);
		SyntheticOrg second = OrgGenerator.generate(7, 300);
		assertThat(second.phorgeAuthProviders()).isEqualTo(first.phorgeAuthProviders());
		assertThat(second.phorgeExternalAccounts()).isEqualTo(first.phorgeExternalAccounts());
		assertThat(OrgGenerator.generate(8, 300).phorgeExternalAccounts())
			.isNotEqualTo(first.phorgeExternalAccounts());
	}

	@Test
	void generateEnrolsEveryAdminButOneAndNoBotInMfa() {
		SyntheticOrg org = OrgGenerator.generate(1, 2000);
		assertThat(org.phorgeUsers().stream().filter(PhorgeUser::admin).filter((u) -> !u.mfa())).hasSize(1);
		assertThat(org.phorgeUsers().stream().filter(PhorgeUser::admin)).hasSizeGreaterThan(2);
		assertThat(org.phorgeUsers().stream().filter((u) -> u.bot() || u.mailingList() || !u.approved()))
			.noneMatch(PhorgeUser::mfa);
		long people = org.phorgeUsers().stream().filter((u) -> !u.bot() && !u.mailingList() && u.approved()).count();
		assertThat(org.phorgeUsers().stream().filter(PhorgeUser::mfa).count()).isBetween(people / 10, people * 3 / 10);
	}

	@Test
	void generateLinksPeopleToTheirOwnGoogleAndOktaAccounts() {
		SyntheticOrg org = OrgGenerator.generate(1, 2000);
		Map<String, PhorgeUser> users = org.phorgeUsers().stream()
			.collect(Collectors.toMap(PhorgeUser::phid, Function.identity()));
		Map<String, String> googleIds = org.googleUsers().stream()
			.collect(Collectors.toMap(GoogleSimUser::primaryEmail, GoogleSimUser::id));
		Map<String, String> oktaLogins = org.oktaUsers().stream()
			.collect(Collectors.toMap(OktaSimUser::email, OktaSimUser::login));
		List<PhorgeExternalAccount> linked = org.phorgeExternalAccounts().stream()
			.filter(PhorgeExternalAccount::linked)
			.toList();
		assertThat(org.phorgeExternalAccounts()).filteredOn((a) -> !a.linked()).singleElement()
			.satisfies((unlinked) -> assertThat(unlinked.email()).isNull());
		assertThat(linked).allSatisfy((account) -> {
			assertThat(users.get(account.userPhid())).matches((u) -> !u.bot() && !u.mailingList());
			assertThat(account.identifiers()).isEqualTo(account.provider().type().equals("google")
					? List.of("id(" + googleIds.get(account.email()) + ")", account.email())
					: List.of(oktaLogins.get(account.email()).split("@")[0]));
		});
		assertThat(linked).filteredOn((a) -> a.provider().type().equals("google")).hasSizeGreaterThan(200);
		assertThat(linked).filteredOn((a) -> a.provider().type().equals("ldap")).hasSizeGreaterThan(200);
		assertThat(org.phorgeAuthProviders()).extracting((p) -> p.type() + "/" + p.domain())
			.containsExactly("password/self", "google/google.com", "ldap/self");
	}

	@Test
	void generatePlantsEveryCategoryInKnownNumbers() {
		SyntheticOrg org = OrgGenerator.generate(20261129, 2000);
		Map<String, Long> database = countByCategory(org.truth(PhorgeAccess.CONDUIT_AND_DATABASE));
		Map<String, Long> conduit = countByCategory(org.truth(PhorgeAccess.CONDUIT));
		assertThat(database).containsOnlyKeys(PLANTABLE);
		assertThat(conduit).containsOnlyKeys(PLANTABLE.stream().filter((c) -> !DATABASE_ONLY.contains(c)).toList());
		assertThat(database).containsEntry("NOT_ENTITLED", 20L)
			.containsEntry("SOURCE_CONFLICT", 2L)
			.containsEntry("LEAVER_ACTIVE", 40L)
			.containsEntry("JOINER_NO_ACCOUNT", 160L)
			.containsEntry("ORPHAN", 19L)
			.containsEntry("EXEMPT", 2L)
			.containsEntry("EXEMPTION_EXPIRED", 1L)
			.containsEntry("UNLINKED_CANDIDATE", 4L)
			.containsEntry("REENABLE_CANDIDATE", 4L)
			.containsEntry("LEAVER_HAS_TOKENS", 4L)
			.containsEntry("PRIVILEGED_DRIFT", 5L)
			.containsEntry("MAILING_LIST", 2L);
		// through Conduit alone, the two people linked only by external accounts are joiners and their accounts orphans
		assertThat(conduit).containsEntry("JOINER_NO_ACCOUNT", 162L).containsEntry("ORPHAN", 21L)
			.containsEntry("PRIVILEGED_DRIFT", 4L);
		assertThat(conduit.get("ATTRIBUTE_DRIFT")).isEqualTo(database.get("ATTRIBUTE_DRIFT") - 2);
		assertThat(conduit.get("LINKED_DISABLED")).isEqualTo(database.get("LINKED_DISABLED") + 4);
	}

	@ParameterizedTest
	@ValueSource(ints = { OrgGenerator.MIN_PEOPLE, 51, 137, 999, 4321 })
	void generatePlantsEveryCategoryAtEverySize(int people) {
		SyntheticOrg org = OrgGenerator.generate(people, people);
		assertThat(countByCategory(org.truth(PhorgeAccess.CONDUIT_AND_DATABASE))).containsOnlyKeys(PLANTABLE);
		assertThat(countByCategory(org.truth(PhorgeAccess.CONDUIT)))
			.containsOnlyKeys(PLANTABLE.stream().filter((c) -> !DATABASE_ONLY.contains(c)).toList());
	}

	@ParameterizedTest
	@CsvSource({ "1, 50, CONDUIT_AND_DATABASE", "1, 50, CONDUIT", "2, 97, CONDUIT_AND_DATABASE", "3, 300, CONDUIT",
			"20261129, 2000, CONDUIT_AND_DATABASE", "20261129, 2000, CONDUIT", "5, 6000, CONDUIT_AND_DATABASE",
			"6, 6000, CONDUIT" })
	void truthIsWhatTheReconciliationRulesDrawFromTheOrganisationAlone(long seed, int people, PhorgeAccess access) {
		SyntheticOrg org = OrgGenerator.generate(seed, people);
		List<String> truth = org.truth(access).stream().map(TruthEntry::key).toList();
		assertThat(truth).doesNotHaveDuplicates();
		assertThat(ReferenceReconciliation.of(org, access, Instant.now()).keys())
			.containsExactlyInAnyOrderElementsOf(truth);
	}

	@Test
	void eachNewWayOfLinkingIsWhatLinksItsAccount() {
		SyntheticOrg org = OrgGenerator.generate(20261129, 2000);
		Map<String, MatchMethod> database = ReferenceReconciliation.of(org, PhorgeAccess.CONDUIT_AND_DATABASE,
				Instant.now()).methods();
		Map<String, MatchMethod> conduit = ReferenceReconciliation.of(org, PhorgeAccess.CONDUIT, Instant.now())
			.methods();
		String mapped = org.reconcile().mappings().get(0).username();
		assertThat(database).containsEntry(mapped, MatchMethod.MANUAL);
		assertThat(conduit).containsEntry(mapped, MatchMethod.MANUAL);
		List<String> aliased = org.phorgeEmails().stream()
			.filter((e) -> e.address().endsWith("@" + OrgGenerator.ALIAS_DOMAIN))
			.map((e) -> username(org, e.userPhid()))
			.toList();
		assertThat(aliased).hasSize(4).allSatisfy((username) -> {
			assertThat(database).containsEntry(username, MatchMethod.EMAIL);
			assertThat(conduit).containsEntry(username, MatchMethod.EMAIL);
		});
		List<String> externallyLinked = org.truth(PhorgeAccess.CONDUIT).stream()
			.filter((t) -> t.category().equals("ORPHAN") && t.access() == PhorgeAccess.CONDUIT)
			.map(TruthEntry::username)
			.toList();
		assertThat(externallyLinked).hasSize(2).allSatisfy((username) -> {
			assertThat(database).containsEntry(username, MatchMethod.EXTERNAL_ID);
			assertThat(conduit).doesNotContainKey(username);
		});
	}

	@Test
	void truthNamesEveryCategoryByItsCodeAndEachWayOfReadingOnlyWhereItDiffers() {
		SyntheticOrg org = OrgGenerator.generate(4, 800);
		assertThat(org.truth()).extracting(TruthEntry::category)
			.allSatisfy((category) -> assertThat(Category.valueOf(category)).isNotNull());
		assertThat(org.truth()).filteredOn((t) -> t.access() == PhorgeAccess.CONDUIT_AND_DATABASE)
			.extracting(TruthEntry::category)
			.containsOnly("LINKED_OK", "REENABLE_CANDIDATE", "ATTRIBUTE_DRIFT", "PRIVILEGED_DRIFT", "TOKEN_STALE",
					"LEAVER_HAS_TOKENS");
		assertThat(org.truth()).filteredOn((t) -> t.access() == PhorgeAccess.CONDUIT)
			.extracting(TruthEntry::category)
			.containsOnly("ORPHAN", "LINKED_DISABLED", "JOINER_NO_ACCOUNT");
		assertThat(org.truth(PhorgeAccess.CONDUIT)).noneMatch((t) -> DATABASE_ONLY.contains(t.category()));
	}

	@ParameterizedTest
	@EnumSource(PhorgeAccess.class)
	void generateGivesEveryAccountExactlyOneStateEitherWay(PhorgeAccess access) {
		SyntheticOrg org = OrgGenerator.generate(3, 500);
		List<String> states = org.truth(access).stream()
			.filter((t) -> t.username() != null && Category.valueOf(t.category()).accountState())
			.map(TruthEntry::username)
			.toList();
		assertThat(states).containsExactlyInAnyOrderElementsOf(
				org.phorgeUsers().stream().map(PhorgeUser::userName).toList());
		assertThat(org.truth(access)).filteredOn((t) -> t.username() == null)
			.allSatisfy((t) -> assertThat(Category.valueOf(t.category()).kind()).isEqualTo(Category.Kind.IDENTITY));
	}

	@Test
	void generatePlantsTokensFarFromTheMaximumAgeAndTheIdsyncBotsFresh() {
		SyntheticOrg org = OrgGenerator.generate(20261129, 2000);
		Map<String, PhorgeUser> users = org.phorgeUsers().stream()
			.collect(Collectors.toMap(PhorgeUser::phid, Function.identity()));
		long day = 86_400;
		List<PhorgeToken> live = org.phorgeTokens().stream().filter((t) -> t.expires() == null).toList();
		assertThat(live).allSatisfy((token) -> assertThat(OrgGenerator.EPOCH - token.dateCreated())
			.satisfiesAnyOf((age) -> assertThat(age).isLessThanOrEqualTo(200 * day),
					(age) -> assertThat(age).isGreaterThanOrEqualTo(500 * day)));
		assertThat(org.phorgeTokens()).filteredOn((t) -> t.token().equals(org.conduitToken())).singleElement()
			.satisfies((token) -> assertThat(OrgGenerator.EPOCH - token.dateCreated()).isLessThanOrEqualTo(31 * day))
			.satisfies((token) -> assertThat(users.get(token.objectPhid()).userName()).isEqualTo("idsync-bot"));
		assertThat(org.phorgeTokens()).allSatisfy((token) -> assertThat(token.token()).matches("api-[a-z2-7]{28}"));
		assertThat(org.phorgeTokens()).filteredOn((t) -> t.expires() != null)
			.hasSize(2)
			.allSatisfy((t) -> assertThat(t.expires()).isLessThan(OrgGenerator.EPOCH).isGreaterThan(t.dateCreated()));
		long bots = users.values().stream().filter(PhorgeUser::bot).count();
		long staleBots = live.stream()
			.filter((t) -> users.get(t.objectPhid()).bot() && OrgGenerator.EPOCH - t.dateCreated() > 365 * day)
			.count();
		assertThat(staleBots).isBetween((bots - 1) / 2 - 1, (bots - 1) / 2 + 1);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 42, 20261129 })
	void generatePlantsLeaversWhoLeftAtLeastThirtyDaysAgoAndHaveNotSignedInSince(long seed) {
		SyntheticOrg org = OrgGenerator.generate(seed, 2000);
		Instant monthAgo = Instant.ofEpochSecond(OrgGenerator.EPOCH - 30 * 86_400L);
		List<OktaSimUser> oktaLeavers = org.oktaUsers().stream()
			.filter((u) -> u.status().equals("SUSPENDED") || u.status().equals("DEPROVISIONED"))
			.toList();
		assertThat(oktaLeavers).hasSizeGreaterThan(40).allSatisfy((u) -> {
			assertThat(u.statusChanged()).isBeforeOrEqualTo(monthAgo).isAfterOrEqualTo(u.created());
			assertThat(u.lastLogin()).satisfiesAnyOf((login) -> assertThat(login).isNull(),
					(login) -> assertThat(login).isBeforeOrEqualTo(u.statusChanged()));
		});
		List<GoogleSimUser> googleLeavers = org.googleUsers().stream().filter(GoogleSimUser::deleted).toList();
		assertThat(googleLeavers).isNotEmpty().allSatisfy((u) -> {
			assertThat(u.deletionTime()).isBeforeOrEqualTo(monthAgo).isAfterOrEqualTo(u.creationTime());
			assertThat(u.lastLoginTime()).satisfiesAnyOf((login) -> assertThat(login).isNull(),
					(login) -> assertThat(login).isBeforeOrEqualTo(u.deletionTime()));
		});
		// people who have not left keep their recent sign-ins
		assertThat(org.oktaUsers()).filteredOn((u) -> u.status().equals("ACTIVE"))
			.anyMatch((u) -> u.lastLogin() != null && u.lastLogin().isAfter(monthAgo));
	}

	@Test
	void phorgeTokensAtMovesEveryDateToTheSimulatorsStart() {
		SyntheticOrg org = OrgGenerator.generate(1, 200);
		Instant start = Instant.parse("2031-02-03T04:05:06Z");
		long shift = start.getEpochSecond() - OrgGenerator.EPOCH;
		assertThat(org.phorgeTokensAt(start)).hasSameSizeAs(org.phorgeTokens()).zipSatisfy(org.phorgeTokens(),
				(moved, planted) -> {
					assertThat(moved.dateCreated()).isEqualTo(planted.dateCreated() + shift);
					assertThat(moved.expires()).isEqualTo((planted.expires() != null) ? planted.expires() + shift : null);
					assertThat(moved.token()).isEqualTo(planted.token());
				});
	}

	@Test
	void generateRecordsWhoDisabledEveryDisabledAccount() {
		SyntheticOrg org = OrgGenerator.generate(20261129, 2000);
		Map<String, PhorgeUser> users = org.phorgeUsers().stream()
			.collect(Collectors.toMap(PhorgeUser::phid, Function.identity()));
		String bot = org.phorgeUsers().stream().filter((u) -> u.userName().equals("idsync-bot")).findFirst()
			.orElseThrow().phid();
		Set<String> reenable = org.truth(PhorgeAccess.CONDUIT_AND_DATABASE).stream()
			.filter((t) -> t.category().equals("REENABLE_CANDIDATE")).map(TruthEntry::username)
			.collect(Collectors.toSet());
		assertThat(org.phorgeTransactions()).extracting((t) -> users.get(t.objectPhid()))
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(users.values().stream().filter(PhorgeUser::disabled).toList());
		assertThat(org.phorgeTransactions()).allSatisfy((t) -> {
			PhorgeUser author = users.get(t.authorPhid());
			boolean byIdsync = reenable.contains(users.get(t.objectPhid()).userName());
			assertThat(t.type()).isEqualTo("user.disable");
			assertThat(t.newValue()).isEqualTo("true");
			assertThat(t.phid()).matches("PHID-XACT-USER-[a-z2-7]{15}");
			assertThat(t.authorPhid()).isEqualTo(byIdsync ? bot : t.authorPhid());
			assertThat(byIdsync || (author.admin() && !author.bot())).isTrue();
			assertThat(t.contentSource()).contains(byIdsync ? "conduit" : "web");
		});
		assertThat(reenable).hasSize(4);
	}

	@Test
	void generatePutsEveryPlantedAdminButOneInTheAdminGroup() {
		SyntheticOrg org = OrgGenerator.generate(2, 400);
		Map<String, String> logins = org.oktaUsers().stream()
			.collect(Collectors.toMap(OktaSimUser::id, (u) -> u.email().toLowerCase(Locale.ROOT)));
		OktaSimGroup admins = org.okta().groups().stream()
			.filter((g) -> g.name().equals(SyntheticOrg.OKTA_ADMIN_GROUP)).findFirst().orElseThrow();
		assertThat(admins.userIds()).hasSize(2);
		List<String> adminEmails = org.phorgeEmails().stream()
			.filter((e) -> org.phorgeUsers().stream().anyMatch((u) -> u.admin() && u.phid().equals(e.userPhid())))
			.map((e) -> e.address().toLowerCase(Locale.ROOT))
			.toList();
		assertThat(admins.userIds()).extracting(logins::get).isSubsetOf(adminEmails);
		assertThat(org.phorgeUsers().stream().filter(PhorgeUser::admin)).hasSize(6);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void theAdminWithoutMfaIsAPrivilegedDriftOnlyWhereTheDatabaseShowsMfa(long seed) {
		SyntheticOrg org = OrgGenerator.generate(seed, 200);
		PhorgeUser holdout = org.phorgeUsers().stream().filter((u) -> u.admin() && !u.mfa()).findFirst().orElseThrow();
		assertThat(org.truth()).filteredOn((t) -> t.category().equals("PRIVILEGED_DRIFT"))
			.hasSize(5)
			.filteredOn((t) -> t.access() != null)
			.singleElement()
			.satisfies((t) -> assertThat(t.username()).isEqualTo(holdout.userName()))
			.satisfies((t) -> assertThat(t.access()).isEqualTo(PhorgeAccess.CONDUIT_AND_DATABASE));
	}

	@Test
	void generateNamesNoStrayAfterAnyPerson() {
		SyntheticOrg org = OrgGenerator.generate(8, 20_000);
		Set<String> names = new HashSet<>();
		org.oktaUsers().forEach((u) -> names.add((u.firstName() + " " + u.lastName()).toLowerCase(Locale.ROOT)));
		org.googleUsers().forEach((u) -> names.add((u.givenName() + " " + u.familyName()).toLowerCase(Locale.ROOT)));
		Set<String> strays = org.truth(PhorgeAccess.CONDUIT).stream()
			.filter((t) -> List.of("ORPHAN", "UNLINKED_DISABLED", "EXEMPT").contains(t.category()))
			.map(TruthEntry::username)
			.collect(Collectors.toSet());
		assertThat(org.phorgeUsers()).filteredOn((u) -> strays.contains(u.userName()))
			.hasSizeGreaterThan(400)
			.allSatisfy((u) -> assertThat(names).doesNotContain(u.realName().toLowerCase(Locale.ROOT)));
	}

	@Test
	void generateWithSameSeedGivesSameReconciliationPlants() {
		SyntheticOrg first = OrgGenerator.generate(7, 300);
		SyntheticOrg second = OrgGenerator.generate(7, 300);
		assertThat(second.phorgeTokens()).isEqualTo(first.phorgeTokens());
		assertThat(second.phorgeTransactions()).isEqualTo(first.phorgeTransactions());
		assertThat(second.reconcile()).isEqualTo(first.reconcile());
		assertThat(second.okta().groups()).isEqualTo(first.okta().groups());
		assertThat(OrgGenerator.generate(8, 300).phorgeTransactions()).isNotEqualTo(first.phorgeTransactions());
	}

	@Test
	void generateWritesReconcileSettingsThatNameItsOwnPlants() {
		SyntheticOrg org = OrgGenerator.generate(20261129, 2000);
		Set<String> usernames = org.phorgeUsers().stream().map(PhorgeUser::userName).collect(Collectors.toSet());
		ReconcileSettings reconcile = org.reconcile();
		assertThat(reconcile.domainAliases()).containsExactly("corp.example.com=example.com");
		assertThat(reconcile.protectedAccounts()).containsExactly("breakglass-admin");
		assertThat(reconcile.mappings()).singleElement().satisfies((m) -> {
			assertThat(usernames).contains(m.username());
			assertThat(org.oktaUsers()).extracting((u) -> u.email().toLowerCase(Locale.ROOT)).contains(m.identity());
		});
		assertThat(reconcile.exemptions()).extracting(ReconcileSettings.Exemption::expiresInDays)
			.containsExactlyInAnyOrder(-30, 365);
		assertThat(reconcile.exemptions()).extracting(ReconcileSettings.Exemption::username)
			.allMatch(usernames::contains);
		assertThat(org.phorgeEmails()).filteredOn((e) -> e.address().endsWith("@corp.example.com")).hasSize(4);
	}

	@Test
	void generateKeepsUsernamesAndAddressesUnique() {
		SyntheticOrg org = OrgGenerator.generate(5, 3000);
		assertThat(unique(org.phorgeUsers(), (u) -> u.userName().toLowerCase(Locale.ROOT)))
			.hasSize(org.phorgeUsers().size());
		assertThat(unique(org.phorgeEmails(), (e) -> e.address().toLowerCase(Locale.ROOT)))
			.hasSize(org.phorgeEmails().size());
		Set<String> idpPrimaries = new HashSet<>();
		org.oktaUsers().forEach((u) -> idpPrimaries.add(u.email().toLowerCase(Locale.ROOT)));
		org.googleUsers().forEach((u) -> idpPrimaries.add(u.primaryEmail()));
		assertThat(idpPrimaries.size()).isEqualTo(3000);
	}

	@Test
	void generateEveryPhorgeUserHasAPrimaryEmail() {
		SyntheticOrg org = OrgGenerator.generate(9, 200);
		Set<String> withPrimary = org.phorgeEmails().stream().filter(PhorgeEmail::primary).map(PhorgeEmail::userPhid)
			.collect(Collectors.toSet());
		assertThat(withPrimary).hasSize(org.phorgeUsers().size());
	}

	@ParameterizedTest
	@CsvSource({ "1, 50, 30, CONDUIT_AND_DATABASE", "2, 97, 100, CONDUIT", "20261129, 2000, 30, CONDUIT_AND_DATABASE",
			"20261129, 2000, 30, CONDUIT", "5, 6000, 7, CONDUIT_AND_DATABASE" })
	void massDepartureTruthIsWhatTheReconciliationRulesDrawFromTheOrganisationAlone(long seed, int people,
			int percent, PhorgeAccess access) {
		SyntheticOrg org = OrgGenerator.generate(seed, people, new Scenario("mass-departure", percent));
		List<String> truth = org.truth(access).stream().map(TruthEntry::key).toList();
		assertThat(truth).doesNotHaveDuplicates();
		assertThat(ReferenceReconciliation.of(org, access, Instant.now()).keys())
			.containsExactlyInAnyOrderElementsOf(truth);
	}

	@Test
	void massDepartureSuspendsAboutThePercentOfTheActiveAccountHoldersAndLeavesTheRestAsPlanted() {
		SyntheticOrg plain = OrgGenerator.generate(20261129, 2000);
		SyntheticOrg departure = OrgGenerator.generate(20261129, 2000, Scenario.parse("mass-departure:30"));
		// the same people and accounts: only some people's status differs
		assertThat(departure.phorgeUsers()).isEqualTo(plain.phorgeUsers());
		assertThat(departure.phorgeExternalAccounts()).isEqualTo(plain.phorgeExternalAccounts());
		assertThat(departure.okta().groups()).isEqualTo(plain.okta().groups());
		assertThat(unique(departure.oktaUsers(), OktaSimUser::id))
			.isEqualTo(unique(plain.oktaUsers(), OktaSimUser::id));
		List<OktaSimUser> oktaLeft = departure.oktaUsers().stream().filter((u) -> !plain.oktaUsers().contains(u))
			.toList();
		List<GoogleSimUser> googleLeft = departure.googleUsers().stream()
			.filter((u) -> !plain.googleUsers().contains(u))
			.toList();
		Instant now = Instant.ofEpochSecond(OrgGenerator.EPOCH);
		assertThat(oktaLeft).isNotEmpty().allSatisfy((u) -> {
			assertThat(u.status()).isEqualTo("SUSPENDED");
			assertThat(u.statusChanged()).isEqualTo(now);
		});
		assertThat(departure.departures()).isEqualTo(unique(oktaLeft, OktaSimUser::id));
		assertThat(googleLeft).isNotEmpty()
			.allSatisfy((u) -> assertThat(u.suspended() && !u.archived() && !u.deleted()).isTrue());
		// those whose enabled account of their own was linked (or not entitled) leave, and only they
		Map<String, String> before = states(plain);
		Map<String, String> after = states(departure);
		Set<String> holders = before.entrySet().stream()
			.filter((e) -> Set.of("LINKED_OK", "NOT_ENTITLED").contains(e.getValue()))
			.map(Map.Entry::getKey)
			.filter((username) -> isEnabledHuman(plain, username))
			.collect(Collectors.toSet());
		Set<String> left = after.entrySet().stream()
			.filter((e) -> e.getValue().equals("LEAVER_ACTIVE") && !before.get(e.getKey()).equals("LEAVER_ACTIVE"))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		assertThat(holders).containsAll(left);
		assertThat((double) left.size() / holders.size()).isBetween(0.27, 0.31);
		assertThat(left).hasSize(oktaLeft.size() + (int) googleLeft.stream()
			.filter((g) -> oktaLeft.stream().noneMatch((o) -> o.email().equalsIgnoreCase(g.primaryEmail())))
			.count());
		assertThat(after).allSatisfy((username, state) -> assertThat(state)
			.isEqualTo(left.contains(username) ? "LEAVER_ACTIVE"
					: state.equals("BOT_OWNER_LEFT") ? state : before.get(username)));
	}

	@Test
	void plainScenarioIsTheOrganisationAsPlanted() {
		SyntheticOrg org = OrgGenerator.generate(7, 300, Scenario.parse("plain"));
		assertThat(org.truth()).isEqualTo(OrgGenerator.generate(7, 300).truth());
		assertThat(org.oktaUsers()).isEqualTo(OrgGenerator.generate(7, 300).oktaUsers());
		assertThat(org.departures()).isEmpty();
		assertThat(org.oktaAt(Instant.parse("2031-02-03T04:05:06Z"))).isSameAs(org.okta());
	}

	@Test
	void oktaAtDatesTheMassDepartureAtTheSimulatorsStart() {
		SyntheticOrg org = OrgGenerator.generate(7, 300, Scenario.parse("mass-departure"));
		Instant start = Instant.parse("2031-02-03T04:05:06Z");
		assertThat(org.oktaAt(start).users()).hasSameSizeAs(org.oktaUsers()).zipSatisfy(org.oktaUsers(),
				(moved, planted) -> assertThat(moved.statusChanged())
					.isEqualTo(org.departures().contains(planted.id()) ? start : planted.statusChanged()));
	}

	@Test
	void generateWhenTooFewPeopleFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgGenerator.generate(1, 10))
			.withMessageContaining("--people must be at least 50");
	}

	private static String username(SyntheticOrg org, String phid) {
		return org.phorgeUsers().stream().filter((u) -> u.phid().equals(phid)).findFirst().orElseThrow().userName();
	}

	/** Each account's state whichever way Phorge is read (its database shows the same state for these). */
	private static Map<String, String> states(SyntheticOrg org) {
		return org.truth(PhorgeAccess.CONDUIT_AND_DATABASE).stream()
			.filter((t) -> t.username() != null && Category.valueOf(t.category()).accountState())
			.collect(Collectors.toMap(TruthEntry::username, TruthEntry::category));
	}

	private static boolean isEnabledHuman(SyntheticOrg org, String username) {
		return org.phorgeUsers().stream()
			.anyMatch((u) -> u.userName().equals(username) && !u.bot() && !u.mailingList() && !u.disabled());
	}

	private static Map<String, Long> countByCategory(List<TruthEntry> truth) {
		return truth.stream().collect(Collectors.groupingBy(TruthEntry::category, Collectors.counting()));
	}

	private static <T> Set<String> unique(List<T> items, Function<T, String> key) {
		return items.stream().map(key).collect(Collectors.toSet());
	}

}
