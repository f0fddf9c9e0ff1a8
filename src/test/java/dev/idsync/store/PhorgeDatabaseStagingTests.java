package dev.idsync.store;

import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountDetails;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the job stages from Phorge's database: correlation by email as one join, and each account's details.
 */
class PhorgeDatabaseStagingTests {

	private static final String RUN = "run-1";

	private StagingStore staging;

	private AccountDetailStore details;

	@BeforeEach
	void migrate() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:sql/common", "classpath:sql/h2").load().migrate();
		this.staging = new StagingStore(dataSource);
		this.details = new AccountDetailStore(dataSource);
	}

	@Test
	void verifiedAddressIsAnEmailMatchAndUnverifiedOneIsWeaker() {
		// given
		this.staging.insertPersons(RUN, List.of(person("anna@example.com", "Anna.Alias@Example.com"),
				person("ben@example.com"), person("cleo@example.com")));
		this.staging.insertAccounts(RUN, List.of(account(1, "anna"), account(2, "ben"), account(3, "cleo"),
				bot(4, "cleo-bot")));
		this.details.insertEmails(RUN, List.of(new AccountEmail("PHID-USER-1", "ANNA@example.com", true, true),
				new AccountEmail("PHID-USER-1", "anna.alias@example.com", false, false),
				new AccountEmail("PHID-USER-2", "ben.old@example.org", true, true),
				new AccountEmail("PHID-USER-2", "ben@example.com", false, false),
				new AccountEmail("PHID-USER-4", "cleo@example.com", true, true)));

		// when
		int matched = this.staging.matchByDatabaseEmail(RUN);
		this.staging.matchByUsername(RUN);

		// then
		assertThat(matched).isEqualTo(3);
		List<AccountCase> cases = cases();
		assertThat(candidate(cases, "anna")).extracting(Candidate::method, Candidate::detail)
			.containsExactly(MatchMethod.EMAIL, "anna@example.com");
		assertThat(candidate(cases, "ben")).extracting(Candidate::method, Candidate::detail)
			.containsExactly(MatchMethod.UNVERIFIED_EMAIL, "ben@example.com");
		// a bot's address never ties a person to it; the username rule then ties cleo to @cleo
		assertThat(candidate(cases, "cleo")).extracting(Candidate::method, Candidate::detail)
			.containsExactly(MatchMethod.USERNAME, "cleo");
		assertThat(cases.stream().filter((c) -> c.account().username().equals("cleo-bot")).findFirst().orElseThrow()
			.candidates()).isEmpty();
	}

	@Test
	void personsAddressesAreStagedOncePerCaseInsensitiveAddress() {
		// given
		this.staging.insertPersons(RUN, List.of(person("dora@example.com", "DORA@example.com")));
		this.staging.insertAccounts(RUN, List.of(account(5, "dora")));
		this.details.insertEmails(RUN, List.of(new AccountEmail("PHID-USER-5", "Dora@Example.com", true, true)));

		// when
		int matched = this.staging.matchByDatabaseEmail(RUN);

		// then
		assertThat(matched).isEqualTo(1);
		assertThat(candidate(cases(), "dora").accountsClaimed()).isEqualTo(1);
	}

	@Test
	void accountCasesCarryTheDatabaseDetailsWhenAsked() {
		// given
		this.staging.insertAccounts(RUN, List.of(account(1, "anna"), account(2, "ben")));
		this.details.insertEmails(RUN, List.of(new AccountEmail("PHID-USER-1", "anna@example.com", true, true),
				new AccountEmail("PHID-USER-1", "anna@old.example.org", false, false)));
		this.details.insertSecurity(RUN, List.of(new AccountSecurity("PHID-USER-1", true)));
		this.details.insertTokens(RUN, List.of(new ApiTokenInfo(1, "PHID-USER-1", "api", "laptop", 100, null),
				new ApiTokenInfo(2, "PHID-USER-1", "cli", "arc", 100, 2_000L),
				new ApiTokenInfo(3, "PHID-USER-1", "api", "terminated", 100, 900L)));
		this.details.insertLinks(RUN, List.of(
				new ExternalIdentifier("PHID-USER-1", "PHID-XUSR-1", "google", "google.com", "id(1)"),
				new ExternalIdentifier("PHID-USER-1", "PHID-XUSR-1", "google", "google.com", "anna@example.com")));

		// when
		List<AccountCase> cases = cases(1_000L);
		List<AccountCase> withoutDetails = cases(null);

		// then
		assertThat(cases.get(0).details()).isEqualTo(new AccountDetails(true, 2, 2, 1, 1, 100L));
		assertThat(cases.get(0).details().describe()).isEqualTo("phorge database: MFA enrolled; 2 live API tokens; "
				+ "2 email addresses (1 unverified); 1 linked external account");
		assertThat(cases.get(1).details()).isEqualTo(new AccountDetails(null, 0, 0, 0, 0));
		assertThat(withoutDetails).allSatisfy((accountCase) -> assertThat(accountCase.details()).isNull());
	}

	private List<AccountCase> cases() {
		return cases(null);
	}

	private List<AccountCase> cases(Long detailsAt) {
		try (CloseableIterator<AccountCase> cases = this.staging.accountCases(RUN, detailsAt)) {
			List<AccountCase> all = new java.util.ArrayList<>();
			cases.forEachRemaining(all::add);
			return all;
		}
	}

	private static Candidate candidate(List<AccountCase> cases, String username) {
		AccountCase found = cases.stream().filter((c) -> c.account().username().equals(username)).findFirst()
			.orElseThrow();
		assertThat(found.candidates()).hasSize(1);
		return found.candidates().get(0);
	}

	private static Person person(String primary, String... others) {
		List<String> emails = new java.util.ArrayList<>(List.of(primary));
		emails.addAll(List.of(others));
		return new Person(primary, primary, emails, Lifecycle.ACTIVE, "okta", true, null, null);
	}

	private static Account account(long id, String username) {
		return new Account(id, "PHID-USER-" + id, username, username, AccountKind.HUMAN, false, true, false, 0);
	}

	private static Account bot(long id, String username) {
		return new Account(id, "PHID-USER-" + id, username, username, AccountKind.BOT, false, true, false, 0);
	}

}
