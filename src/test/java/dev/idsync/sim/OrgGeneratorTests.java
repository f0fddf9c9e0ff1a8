package dev.idsync.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrgGeneratorTests {

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
	void generatePlantsEveryCategory() {
		Map<String, Long> counts = countByCategory(OrgGenerator.generate(1, 2000));
		assertThat(counts).containsOnlyKeys("LINKED_OK", "LEAVER_ACTIVE", "ORPHAN", "DISPUTED", "PENDING_APPROVAL",
				"LINKED_DISABLED", "BOT_NO_OWNER", "BOT_OWNER_LEFT", "MAILING_LIST", "UNLINKED_DISABLED",
				"JOINER_NO_ACCOUNT", "NOT_ENTITLED", "SOURCE_CONFLICT");
		assertThat(counts.get("NOT_ENTITLED")).isEqualTo(20);
		assertThat(counts.get("SOURCE_CONFLICT")).isEqualTo(2);
		assertThat(counts.get("LEAVER_ACTIVE")).isEqualTo(40);
		assertThat(counts.get("JOINER_NO_ACCOUNT")).isEqualTo(160);
		assertThat(counts.get("ORPHAN")).isEqualTo(20);
		assertThat(counts.get("MAILING_LIST")).isEqualTo(2);
	}

	@Test
	void generateGivesEveryAccountExactlyOneTruthEntry() {
		SyntheticOrg org = OrgGenerator.generate(3, 500);
		List<String> accountTruth = org.truth().stream().filter((t) -> t.username() != null)
			.map(TruthEntry::username).toList();
		assertThat(accountTruth).containsExactlyInAnyOrderElementsOf(
				org.phorgeUsers().stream().map(PhorgeUser::userName).toList());
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

	@Test
	void generateWhenTooFewPeopleFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgGenerator.generate(1, 10))
			.withMessageContaining("--people must be at least 50");
	}

	private static Map<String, Long> countByCategory(SyntheticOrg org) {
		return org.truth().stream().collect(Collectors.groupingBy(TruthEntry::category, Collectors.counting()));
	}

	private static <T> Set<String> unique(List<T> items, Function<T, String> key) {
		return items.stream().map(key).collect(Collectors.toSet());
	}

}
