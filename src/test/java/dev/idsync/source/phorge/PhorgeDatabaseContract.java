package dev.idsync.source.phorge;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.AccountDisable;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.source.Page;
import dev.idsync.source.PagedSource;
import dev.idsync.source.PagedSources;
import dev.idsync.source.PhorgeDatabase.TableAccess;

import static dev.idsync.source.phorge.PhorgeFixture.ADMIN;
import static dev.idsync.source.phorge.PhorgeFixture.ALICE;
import static dev.idsync.source.phorge.PhorgeFixture.BOT;
import static dev.idsync.source.phorge.PhorgeFixture.CAROL;
import static dev.idsync.source.phorge.PhorgeFixture.DAVE;
import static dev.idsync.source.phorge.PhorgeFixture.ERIN;
import static dev.idsync.source.phorge.PhorgeFixture.FRANK;
import static dev.idsync.source.phorge.PhorgeFixture.NADIA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Phorge database reader must read from {@link PhorgeFixture}'s rows on every database it supports; each
 * subclass loads the fixture into one (MariaDB, H2 in MySQL mode) before each test.
 */
abstract class PhorgeDatabaseContract {

	/** When the recording disabled dave: the clock against which tokens are live or not. */
	static final long RECORDING_NOW = 1795988538L;

	final PhorgeFixture fixture = new PhorgeFixture();

	/** The Phorge database prefix the subclass loaded the fixture with. */
	abstract String prefix();

	/** A reader of the loaded databases, with pages of {@code pageSize} rows. */
	abstract JdbcPhorgeDatabase reader(int pageSize);

	@Test
	void emailsReadsEveryAddressWithItsOwnerAndFlags() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			List<AccountEmail> emails = PagedSources.readAll(database.emails());
			assertThat(emails).hasSize(26);
			assertThat(emails).filteredOn((email) -> email.phid().equals(FRANK)).containsExactly(
					new AccountEmail(FRANK, "frank@example.com", true, true),
					new AccountEmail(FRANK, "frank.fischer@corp.example.com", true, false),
					new AccountEmail(FRANK, "frank.old@legacy.example.org", false, false));
			assertThat(emails).filteredOn((email) -> email.phid().equals(ADMIN))
				.containsExactly(new AccountEmail(ADMIN, "admin@example.com", true, true));
			assertThat(emails).filteredOn((email) -> !email.verified())
				.extracting(AccountEmail::address)
				.containsExactly("frank.old@legacy.example.org", "trent@example.com", "victor@example.com",
						"walter@example.com");
			assertThat(emails).filteredOn(AccountEmail::primary).hasSize(24);
		}
	}

	@Test
	void emailsKeepsTheLetterCaseAsStored() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			assertThat(PagedSources.readAll(database.emails())).filteredOn((email) -> email.phid().equals(ERIN))
				.containsExactly(new AccountEmail(ERIN, "Erin.Evans@Example.COM", true, true));
		}
	}

	@Test
	void externalIdentifiersReadsEveryIdentifierOfLinkedAccountsWithTheProviderOfItsConfig() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			assertThat(PagedSources.readAll(database.externalIdentifiers())).containsExactly(
					google(ALICE, "PHID-XUSR-7cvd46l3ihioaldv4c6g", "id(104275981234567890123)"),
					google(ALICE, "PHID-XUSR-7cvd46l3ihioaldv4c6g", "alice@example.com"),
					google(this.fixture.phid("bob"), "PHID-XUSR-cno6vt3li2vbszlbxojq", "id(104275981234567890456)"),
					google(this.fixture.phid("bob"), "PHID-XUSR-cno6vt3li2vbszlbxojq", "bob@example.com"),
					google(this.fixture.phid("oscar"), "PHID-XUSR-eawecfyytt6jxmtnldh4", "id(104275981234567890789)"),
					google(this.fixture.phid("oscar"), "PHID-XUSR-eawecfyytt6jxmtnldh4", "oscar@example.com"),
					new ExternalIdentifier(CAROL, "PHID-XUSR-czolvnh2xttkw4ehwmcf", "ldap", "self", "carol"),
					new ExternalIdentifier(this.fixture.phid("heidi"), "PHID-XUSR-olzazb6jzsy4nr7yvdbq", "ldap", "self",
							"heidi"));
		}
	}

	@Test
	void externalIdentifiersLeavesOutUnlinkedAccountsAndAccountsWhoseProviderIsGone() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			assertThat(PagedSources.readAll(database.externalIdentifiers()))
				.extracting(ExternalIdentifier::externalAccountPhid)
				.doesNotContain(PhorgeFixture.UNLINKED_ACCOUNT, PhorgeFixture.ORPHANED_ACCOUNT);
		}
	}

	@Test
	void securityReadsEveryAccountsMfaEnrolment() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			List<AccountSecurity> security = PagedSources.readAll(database.security());
			assertThat(security).extracting(AccountSecurity::phid)
				.containsExactlyElementsOf(this.fixture.userNames().stream().map(this.fixture::phid).toList());
			assertThat(security).filteredOn(AccountSecurity::mfa).containsExactly(new AccountSecurity(NADIA, true));
		}
	}

	@Test
	void tokensListsTheInventoryWithOwnersTypesNamesAndExpiry() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			List<ApiTokenInfo> tokens = PagedSources.readAll(database.tokens());
			assertThat(tokens).containsExactly(new ApiTokenInfo(1, ADMIN, "api", "admin", 1795988497L, null),
					new ApiTokenInfo(2, BOT, "api", "reconcile-bot", 1795988497L, null),
					new ApiTokenInfo(3, ALICE, "api", "alice", 1795988497L, null),
					new ApiTokenInfo(4, BOT, "api", "terminated", 1795988497L, 1795988437L),
					new ApiTokenInfo(5, this.fixture.phid("mallory"), "api", "mallory", 1795988497L, null),
					new ApiTokenInfo(6, this.fixture.phid("sybil"), "api", "sybil", 1795988497L, null),
					new ApiTokenInfo(7, this.fixture.phid("ops-list"), "api", "ops-list", 1795988497L, null),
					new ApiTokenInfo(8, FRANK, "cli", "Command Line API Token", 1795988500L, 1795992100L));
			assertThat(tokens).filteredOn((token) -> !token.liveAt(RECORDING_NOW))
				.extracting(ApiTokenInfo::name)
				.containsExactly("terminated");
		}
	}

	@Test
	void tokensNeverSelectsNorReturnsATokenValue() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			KeysetPagedSource<ApiTokenInfo> source = database.tokens();
			String everything = PagedSources.readAll(source).toString();
			assertThat(source.sql()).doesNotContainIgnoringCase("`token`").doesNotContain("*");
			assertThat(this.fixture.tokenValues()).hasSize(8)
				.allSatisfy((value) -> assertThat(everything).doesNotContain(value));
		}
	}

	@Test
	void disablesReadsEveryDisableAndEnableWithItsAuthorInOrder() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			assertThat(PagedSources.readAll(database.disables())).containsExactly(
					new AccountDisable(this.fixture.phid("mallory"), BOT, true, 1795988497L),
					new AccountDisable(this.fixture.phid("oscar"), ADMIN, true, 1795988498L),
					new AccountDisable(DAVE, ADMIN, true, 1795988538L), new AccountDisable(DAVE, ADMIN, false, 1795988539L));
		}
	}

	@Test
	void disablesSelectsOnlyTheColumnsItReads() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			assertThat(database.disables().sql()).doesNotContain("*", "oldValue", "contentSource", "metadata")
				.contains("`transactionType` = 'user.disable'");
		}
	}

	@Test
	void checkAccessFindsEveryTableReadable() {
		try (JdbcPhorgeDatabase database = reader(JdbcPhorgeDatabase.PAGE_SIZE)) {
			assertThat(database.checkAccess()).containsExactly(readable("user.user"), readable("user.user_email"),
					readable("user.user_externalaccount"), readable("user.user_externalaccountidentifier"),
					readable("auth.auth_providerconfig"), readable("conduit.conduit_token"),
					readable("user.user_transaction"));
		}
	}

	@Test
	void smallPagesCrossTheirBoundariesWithoutLosingOrRepeatingRows() {
		try (JdbcPhorgeDatabase whole = reader(JdbcPhorgeDatabase.PAGE_SIZE); JdbcPhorgeDatabase small = reader(3)) {
			assertThat(pages(small.emails())).hasSize(9);
			assertThat(PagedSources.readAll(small.emails())).containsExactlyElementsOf(readAll(whole.emails()));
			assertThat(pages(small.security())).hasSize(8);
			assertThat(PagedSources.readAll(small.security())).containsExactlyElementsOf(readAll(whole.security()));
		}
		try (JdbcPhorgeDatabase whole = reader(JdbcPhorgeDatabase.PAGE_SIZE); JdbcPhorgeDatabase even = reader(4)) {
			// 8 tokens in pages of 4: the second page knows that it is the last, so no empty third page is read
			assertThat(pages(even.tokens())).extracting((page) -> page.items().size()).containsExactly(4, 4);
			assertThat(pages(even.tokens())).extracting(Page::next).containsExactly("4", null);
			assertThat(PagedSources.readAll(even.tokens())).containsExactlyElementsOf(readAll(whole.tokens()));
			// identifiers 9 to 11 are left out: the page that ends with 8 is the last one
			assertThat(pages(even.externalIdentifiers())).extracting(Page::next).containsExactly("4", null);
			assertThat(PagedSources.readAll(even.externalIdentifiers()))
				.containsExactlyElementsOf(readAll(whole.externalIdentifiers()));
		}
		try (JdbcPhorgeDatabase whole = reader(JdbcPhorgeDatabase.PAGE_SIZE); JdbcPhorgeDatabase two = reader(2)) {
			// transactions 2 to 5 are disables: the approval (1) is skipped, not counted against a page
			assertThat(pages(two.disables())).extracting(Page::next).containsExactly("3", null);
			assertThat(PagedSources.readAll(two.disables())).containsExactlyElementsOf(readAll(whole.disables()));
		}
	}

	@Test
	void pageAfterACursorStartsAfterThatRowId() {
		try (JdbcPhorgeDatabase database = reader(2)) {
			Page<AccountEmail> page = database.emails().page("10");
			assertThat(page.items()).containsExactly(
					new AccountEmail(FRANK, "frank.fischer@corp.example.com", true, false),
					new AccountEmail(FRANK, "frank.old@legacy.example.org", false, false));
			assertThat(page.next()).isEqualTo("12");
			assertThat(page.problems()).isEmpty();
		}
	}

	private TableAccess readable(String table) {
		return new TableAccess(prefix() + table, null);
	}

	private static ExternalIdentifier google(String phid, String account, String identifier) {
		return new ExternalIdentifier(phid, account, "google", "google.com", identifier);
	}

	private static <T> List<T> readAll(PagedSource<T> source) {
		return PagedSources.readAll(source);
	}

	private static <T> List<Page<T>> pages(PagedSource<T> source) {
		List<Page<T>> pages = new ArrayList<>();
		String cursor = null;
		do {
			Page<T> page = source.page(cursor);
			pages.add(page);
			cursor = page.next();
		}
		while (cursor != null);
		return pages;
	}

}
