package dev.idsync.source.phorge;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.Account;
import dev.idsync.domain.AccountKind;
import dev.idsync.sim.phorge.RecordedExchange;
import dev.idsync.sim.phorge.ReferenceInstance;
import dev.idsync.source.Page;
import dev.idsync.source.phorge.ConduitEmailLookup.QueriedUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Parses every recorded Phorge answer of {@code phorge-conduit-exchanges.md} through the real client: a local server
 * sends the recorded bytes back, whatever the request, and each error must become its {@link ConduitFailure}, each
 * success its values. An exchange missing from the tables below fails the test, so new recordings get a verdict.
 */
class ConduitRecordedTests {

	private static final Pattern ANY_TOKEN = Pattern.compile("(api|cli|clr)-[a-z2-7]{28}");

	private static final Pattern METHOD = Pattern.compile("/api/([a-z.]+)");

	private static final Pattern TOKEN_IN_COMMAND = Pattern.compile("(?:api\\.token=|\"token\":\")([^\"'\\s&]+)");

	private static final String RATE_LIMIT = "Rate limiting (a limiter an admin enabled in support/preamble.php at a "
			+ "limit of 1, for requests carrying header X-Test-Rate-Limit; stock Phorge has no limit)";

	private static final Map<String, ConduitFailure> ERRORS = Map.ofEntries(
			Map.entry("JSON body with Content-Type: application/json (REJECTED)", ConduitFailure.CORE),
			Map.entry("Authorization: Bearer header (IGNORED -> no auth)", ConduitFailure.INVALID_SESSION),
			Map.entry("no token", ConduitFailure.INVALID_SESSION),
			Map.entry("unknown token (right shape)", ConduitFailure.INVALID_AUTH),
			Map.entry("token wrong length", ConduitFailure.INVALID_AUTH),
			Map.entry("token wrong prefix", ConduitFailure.INVALID_AUTH),
			Map.entry("expired/terminated token", ConduitFailure.INVALID_AUTH),
			Map.entry("token of a DISABLED user", ConduitFailure.INVALID_AUTH),
			Map.entry("token of an UNAPPROVED user", ConduitFailure.INVALID_AUTH),
			Map.entry("token of a MAILING LIST", ConduitFailure.INVALID_AUTH),
			Map.entry("unknown method", ConduitFailure.UNKNOWN_METHOD),
			Map.entry("malformed params JSON", ConduitFailure.CORE),
			Map.entry("undeclared parameter", ConduitFailure.UNDECLARED_PARAMETER),
			Map.entry("params[...] value not JSON (console encoding needs JSON values)", ConduitFailure.CORE),
			Map.entry("user.search mfa constraint as bot (REJECTED: admin-only)", ConduitFailure.INVALID_CONSTRAINT),
			Map.entry("user.search queryKey=approval as bot (REJECTED: admin-only)", ConduitFailure.BAD_QUERY_KEY),
			Map.entry("user.search unknown constraint emails (no email constraint exists)",
					ConduitFailure.INVALID_CONSTRAINT),
			Map.entry("user.search limit 101 (max 100)", ConduitFailure.INVALID_PAGE_SIZE),
			Map.entry("user.search non-numeric after cursor", ConduitFailure.CORE),
			Map.entry("user.search unknown attachment", ConduitFailure.INVALID_ATTACHMENT),
			Map.entry("user.query emails: two addresses of the SAME user in one call -> crash (Phorge bug)",
					ConduitFailure.CORE),
			Map.entry("user.disable as bot (non-admin)", ConduitFailure.PERMISSION),
			Map.entry("user.disable as alice (non-admin)", ConduitFailure.PERMISSION),
			Map.entry("user.disable one good + one unknown PHID (nothing changed)", ConduitFailure.BAD_PHID),
			Map.entry("user.disable self", ConduitFailure.VALIDATION),
			Map.entry("user.disable empty list", ConduitFailure.CORE),
			Map.entry("user.edit by bare username (REJECTED)", ConduitFailure.BAD_PHID),
			Map.entry("user.edit disable as bot (no Can Disable Users)", ConduitFailure.PERMISSION),
			Map.entry("user.edit un-approve sybil as bot (REJECTED)", ConduitFailure.VALIDATION),
			Map.entry("user.edit value as JSON string \"true\" (REJECTED)", ConduitFailure.CORE),
			Map.entry("user.edit unknown type", ConduitFailure.CORE),
			Map.entry("user.edit create (no objectIdentifier) (REJECTED)", ConduitFailure.PERMISSION),
			Map.entry("user.edit realName of another user as admin", ConduitFailure.PERMISSION),
			Map.entry("user.edit unknown PHID", ConduitFailure.BAD_PHID),
			Map.entry("user.edit self-disable", ConduitFailure.VALIDATION),
			Map.entry("conduit.getcertificate (legacy arc handshake)", ConduitFailure.UNKNOWN_ERROR),
			Map.entry("conduit.connect (legacy)", ConduitFailure.UNKNOWN_ERROR));

	private static final Set<String> SUCCESSES = Set.of("conduit.ping (no auth needed)",
			"conduit.getcapabilities (no auth needed)", "user.whoami, admin, plain form field api.token",
			"user.whoami, bot", "user.whoami via GET query string",
			"ENCODING 1: params=<json> (+output=json), token in __conduit__",
			"ENCODING 2: params[key]=<json value> (console style)",
			"ENCODING 3: plain form fields, PHP-style nested keys (not strictly typed)",
			"ENCODING 3 with constraints[isDisabled]=false (string 'false' works)",
			"ENCODING 3 list constraint usernames[0..]", "user.search page 1 (limit 5, default order newest first)",
			"user.search page 2 (after=cursor.after from page 1)",
			"user.search last page (after=5) -> cursor.after null", "user.search isDisabled=true",
			"user.search isBot=true + attachments availability", "user.search needsApproval=true",
			"user.search isMailingList=true", "user.search isAdmin=true", "user.search phids",
			"user.search nameLike", "user.search fulltext query (needs search index)",
			"user.search queryKey=active, order=oldest, limit 3", "user.search order=[username] limit 3",
			"user.search mfa constraint as admin",
			"user.query emails: primary + secondary(verified) + WRONG CASE + unknown",
			"user.query emails: an UNVERIFIED secondary address still matches",
			"user.query emails as non-admin bot (allowed)", "user.query emails, form encoding emails[0]=",
			"user.query usernames (case-insensitive)", "user.query limit/offset",
			"user.query phids (trent unapproved+unverified, ops-list)", "user.find aliases (deprecated)",
			"user.disable as admin", "user.disable as admin again (already disabled: no-op, no error)",
			"user.search dave now", "user.enable as admin", "user.edit disable by PHID (admin)",
			"user.edit disable again (no-op: empty transactions)", "user.edit enable by monogram @dave",
			"user.edit by numeric id", "user.edit form-encoded transactions[0][type]= (value as string 1)",
			"user.edit re-enable (form-encoded, value=0)", "user.edit approve sybil (admin)",
			"user.edit disable another ADMIN (nadia) as admin (allowed)", "user.edit re-enable nadia",
			"auth.querypublickeys", "auth.logout as bot (terminates caller's WEB sessions only)",
			"conduit.query (truncated here; full list saved separately)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<RecordedExchange> exchanges = RecordedExchange.readAll(RecordedExchange.referenceFile());

	@Test
	void everyRecordedExchangeHasAnExpectation() {
		// given
		Set<String> expected = new HashSet<>(ERRORS.keySet());
		expected.addAll(SUCCESSES);
		expected.add(RATE_LIMIT);

		// when
		List<String> titles = this.exchanges.stream().map(RecordedExchange::title).toList();

		// then
		assertThat(titles).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(ERRORS.keySet()).doesNotContainAnyElementsOf(SUCCESSES);
	}

	@TestFactory
	Stream<DynamicTest> everyRecordedErrorBecomesItsKindWithoutRetryOrToken() {
		return this.exchanges.stream()
			.filter((exchange) -> ERRORS.containsKey(exchange.title()))
			.map((exchange) -> DynamicTest.dynamicTest(exchange.title(), () -> parsesToItsKind(exchange)));
	}

	@TestFactory
	Stream<DynamicTest> everyRecordedSuccessYieldsItsResult() {
		return this.exchanges.stream()
			.filter((exchange) -> SUCCESSES.contains(exchange.title()))
			.map((exchange) -> DynamicTest.dynamicTest(exchange.title(), () -> {
				// given
				try (Recorded server = Recorded.serving(exchange)) {
					// when
					JsonNode result = server.client(ReferenceInstance.ADMIN_TOKEN)
						.call(method(exchange), JSON.createObjectNode())
						.value();

					// then
					assertThat(result).isEqualTo(JSON.readTree(exchange.body()).get("result"));
					assertThat(server.calls()).isEqualTo(1);
				}
			}));
	}

	@Test
	void whoamiOfTheBotReadsItsAgentRoleAsBot() {
		// given
		try (Recorded server = Recorded.serving(exchange("user.whoami, bot"))) {
			// when
			Whoami bot = server.conduit(ReferenceInstance.BOT_TOKEN).whoami();

			// then
			assertThat(bot).isEqualTo(new Whoami("PHID-USER-y553oueprtkrwtbxjttc", "reconcile-bot", "Reconcile Bot",
					Set.of("bot", "verified", "approved", "activated"), "reconcile-bot@example.com"));
			assertThat(bot.bot()).isTrue();
			assertThat(bot.admin()).isFalse();
			assertThat(bot.verified()).isTrue();
		}
	}

	@Test
	void whoamiOfTheAdminReadsItsAdminRole() {
		// given
		try (Recorded server = Recorded.serving(exchange("user.whoami, admin, plain form field api.token"))) {
			// when
			Whoami admin = server.conduit(ReferenceInstance.ADMIN_TOKEN).whoami();

			// then
			assertThat(admin.phid()).isEqualTo("PHID-USER-25ecortq4ibp6wcmb7kh");
			assertThat(admin.username()).isEqualTo("admin");
			assertThat(admin.realName()).isEqualTo("Ada Admin");
			assertThat(admin.admin()).isTrue();
			assertThat(admin.bot()).isFalse();
			assertThat(admin.primaryEmail()).isEqualTo("admin@example.com");
		}
	}

	@Test
	void searchPagesReadAccountsRolesAndTheCursor() {
		// given
		List<Page<Account>> pages = new ArrayList<>();

		// when
		for (String title : List.of("user.search page 1 (limit 5, default order newest first)",
				"user.search page 2 (after=cursor.after from page 1)",
				"user.search last page (after=5) -> cursor.after null")) {
			try (Recorded server = Recorded.serving(exchange(title))) {
				pages.add(server.conduit(ReferenceInstance.ADMIN_TOKEN).accounts().page(null));
			}
		}

		// then
		assertThat(pages).extracting(Page::next).containsExactly("20", "15", null);
		assertThat(pages.get(0).items()).extracting(Account::username)
			.containsExactly("ops-list", "walter", "victor", "trent", "sybil");
		assertThat(pages.get(0).items()).extracting(Account::id).containsExactly(24L, 23L, 22L, 21L, 20L);
		assertThat(pages.get(0).items().get(0)).isEqualTo(new Account(24, "PHID-USER-2z3hdnt4dvyzidpps3xw",
				"ops-list", "Ops Mailing List", AccountKind.LIST, false, true, false, 1795988495L));
		assertThat(pages.get(0).items()).filteredOn((account) -> !account.approved()).extracting(Account::username)
			.containsExactly("trent", "sybil");
		assertThat(pages.get(1).items()).filteredOn(Account::disabled).extracting(Account::username)
			.containsExactly("peggy", "oscar", "mallory");
		assertThat(pages.get(1).items()).extracting(Account::realName).contains("Zo\u00eb Zimmermann");
		assertThat(pages.get(2).items()).extracting(Account::username, Account::kind, Account::admin)
			.containsExactly(tuple("nadia", AccountKind.HUMAN, true),
					tuple("ci-bot", AccountKind.BOT, false),
					tuple("reconcile-bot", AccountKind.BOT, false),
					tuple("admin", AccountKind.HUMAN, true));
	}

	@Test
	void usernameLookupKeysTheRecordedAnswerByLowerCasedUsername() {
		// given
		try (Recorded server = Recorded.serving(exchange("ENCODING 3 list constraint usernames[0..]"))) {
			// when
			Map<String, Account> found = server.conduit(ReferenceInstance.ADMIN_TOKEN)
				.accountsByUsername(List.of("alice", "KEVIN.K"));

			// then
			assertThat(found).containsOnlyKeys("alice", "kevin.k");
			assertThat(found.get("kevin.k").username()).isEqualTo("Kevin.K");
			assertThat(found.get("kevin.k").id()).isEqualTo(16);
			assertThat(found.get("alice").phid()).isEqualTo("PHID-USER-j24dqusit4locclomx3v");
			assertThat(server.calls()).isEqualTo(1);
		}
	}

	@Test
	void phidLookupKeysTheRecordedAnswerByPhid() {
		// given
		try (Recorded server = Recorded.serving(exchange("user.search phids"))) {
			// when
			Map<String, Account> found = server.conduit(ReferenceInstance.BOT_TOKEN)
				.accountsByPhid(List.of("PHID-USER-j24dqusit4locclomx3v", "PHID-USER-o4wj67oupcb3sp3ffk3u"));

			// then
			assertThat(found).containsOnlyKeys("PHID-USER-j24dqusit4locclomx3v", "PHID-USER-o4wj67oupcb3sp3ffk3u");
			assertThat(found.get("PHID-USER-o4wj67oupcb3sp3ffk3u").username()).isEqualTo("dave");
		}
	}

	@Test
	void userQueryReadsPhidsInPhorgesOrderWithNormalisedRoles() {
		// given
		List<List<QueriedUser>> answers = new ArrayList<>();

		// when
		for (String title : List.of("user.query emails: primary + secondary(verified) + WRONG CASE + unknown",
				"user.query emails, form encoding emails[0]=",
				"user.query phids (trent unapproved+unverified, ops-list)")) {
			try (Recorded server = Recorded.serving(exchange(title))) {
				answers.add(ConduitEmailLookup.users(server.client(ReferenceInstance.ADMIN_TOKEN)
					.call("user.query", JSON.createObjectNode())
					.value()));
			}
		}

		// then
		assertThat(answers.get(0)).extracting(QueriedUser::phid).containsExactly("PHID-USER-erhqesjiar3qmoiaewly",
				"PHID-USER-baamdaieredljbpu27ft", "PHID-USER-j24dqusit4locclomx3v");
		assertThat(answers.get(0)).allSatisfy((user) -> {
			assertThat(user.roles().verified()).isTrue();
			assertThat(user.roles().kind()).isEqualTo(AccountKind.HUMAN);
		});
		assertThat(answers.get(1)).singleElement().satisfies((victor) -> {
			assertThat(victor.username()).isEqualTo("victor");
			assertThat(victor.roles().verified()).isFalse();
			assertThat(victor.roles().approved()).isTrue();
		});
		assertThat(answers.get(2)).extracting(QueriedUser::username).containsExactly("ops-list", "trent");
		assertThat(answers.get(2).get(0).roles().kind()).isEqualTo(AccountKind.LIST);
		assertThat(answers.get(2).get(1).roles().words()).containsExactly("unverified");
	}

	@Test
	void emailLookupOfTheRecordedAnswerKeepsHumansOnly() {
		// given
		try (Recorded server = Recorded.serving(exchange("user.query phids (trent unapproved+unverified, ops-list)"))) {
			// when
			List<String> humans = server.conduit(ReferenceInstance.BOT_TOKEN)
				.emails()
				.humanAccountsWithEmail("trent@example.com");

			// then
			assertThat(humans).containsExactly("PHID-USER-qfncpmqkifhtx34xhgoh");
		}
	}

	@Test
	void disableReadsTheRecordedTransactionsAndAccountsBeforeAndAfter() {
		// given
		RecordedExchange daveNow = exchange("user.search dave now");
		String dave = "PHID-USER-o4wj67oupcb3sp3ffk3u";

		// when
		AccountChange first;
		AccountChange again;
		try (Recorded server = Recorded.serving(daveNow, exchange("user.edit disable by PHID (admin)"))) {
			first = server.conduit(ReferenceInstance.ADMIN_TOKEN).setDisabled(dave, true);
		}
		try (Recorded server = Recorded.serving(daveNow,
				exchange("user.edit disable again (no-op: empty transactions)"))) {
			again = server.conduit(ReferenceInstance.ADMIN_TOKEN).setDisabled(dave, true);
		}

		// then
		assertThat(first.changed()).isTrue();
		assertThat(first.method()).isEqualTo("user.edit");
		assertThat(first.transactionPhids()).containsExactly("PHID-XACT-USER-qhc5ekmumkkarpk");
		assertThat(first.after().disabled()).isTrue();
		assertThat(first.after().username()).isEqualTo("dave");
		assertThat(again.changed()).isFalse();
		assertThat(again.transactionPhids()).isEmpty();
	}

	@Test
	void deprecatedDisableAnswersNull() {
		// given
		try (Recorded server = Recorded.serving(exchange("user.disable as admin"))) {
			// when
			JsonNode result = server.client(ReferenceInstance.ADMIN_TOKEN)
				.call("user.disable", JSON.createObjectNode())
				.value();

			// then
			assertThat(result.isNull()).isTrue();
		}
	}

	@Test
	void probeReadsTheRecordedRefusals() {
		// given
		RecordedExchange whoami = exchange("user.whoami, bot");

		// when
		DisableUsersProbe lacking;
		DisableUsersProbe holding;
		try (Recorded server = Recorded.serving(whoami, exchange("user.edit disable as bot (no Can Disable Users)"))) {
			lacking = server.conduit(ReferenceInstance.BOT_TOKEN).probeCanDisableUsers();
		}
		try (Recorded server = Recorded.serving(whoami, exchange("user.edit self-disable"))) {
			holding = server.conduit(ReferenceInstance.BOT_TOKEN).probeCanDisableUsers();
		}

		// then
		assertThat(lacking.canDisableUsers()).isFalse();
		assertThat(lacking.evidence()).contains("(Can Disable Users)");
		assertThat(lacking.bot().username()).isEqualTo("reconcile-bot");
		assertThat(holding.canDisableUsers()).isTrue();
		assertThat(holding.evidence()).contains("You can not enable or disable your own account.");
	}

	@Test
	void probeThatPhorgeWouldAnswerWithSuccessFailsLoudly() {
		// given
		try (Recorded server = Recorded.serving(exchange("user.whoami, bot"),
				exchange("user.edit disable another ADMIN (nadia) as admin (allowed)"))) {
			// when / then
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> server.conduit(ReferenceInstance.BOT_TOKEN).probeCanDisableUsers())
				.withMessageContaining("DISABLE ITS OWN ACCOUNT")
				.withMessageContaining("reconcile-bot")
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.MALFORMED));
		}
	}

	@Test
	void recordedRateLimiterIsRetriedThenReportedAsTransport() {
		// given
		RecordedExchange limited = exchange(RATE_LIMIT);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).isEqualTo("text/plain; charset=utf-8");

		try (Recorded server = Recorded.serving(limited)) {
			// when / then
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> server.conduit(ReferenceInstance.ADMIN_TOKEN).whoami())
				.withMessageContaining("HTTP 429")
				.withMessageContaining("rate limiter")
				.withMessageContaining("after 3 attempts")
				.satisfies((ex) -> {
					assertThat(ex.kind()).isEqualTo(ConduitFailure.TRANSPORT);
					assertThat(ex.kind().retryable()).isTrue();
					assertThat(ex.errorCode()).isNull();
					assertThat(ex.retries()).isEqualTo(2);
					assertThat(ex.rateLimitWaits()).isEqualTo(2);
				});
			assertThat(server.calls()).isEqualTo(3);
		}
	}

	private static void parsesToItsKind(RecordedExchange exchange) {
		// given
		String token = tokenOf(exchange);
		String code = JSON.readTree(exchange.body()).get("error_code").asString();
		try (Recorded server = Recorded.serving(exchange)) {
			// when / then
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> server.client(token).call(method(exchange), JSON.createObjectNode()))
				.satisfies((ex) -> {
					assertThat(ex.kind()).isEqualTo(ERRORS.get(exchange.title()));
					assertThat(ex.kind().retryable()).isFalse();
					assertThat(ex.errorCode()).isEqualTo(code);
					assertThat(ex.method()).isEqualTo(method(exchange));
					assertThat(ex).hasMessageContaining(code);
					for (Throwable failure = ex; failure != null; failure = failure.getCause()) {
						assertThat(String.valueOf(failure.getMessage())).doesNotContain(token)
							.doesNotContainPattern(ANY_TOKEN);
					}
				});
			assertThat(server.calls()).as("Conduit errors are never retried").isEqualTo(1);
		}
	}

	/** The token the recorded request presented (idsync's own, as far as the client knows), else the admin's. */
	private static String tokenOf(RecordedExchange exchange) {
		Matcher token = TOKEN_IN_COMMAND.matcher(String.valueOf(exchange.command()));
		return token.find() ? token.group(1) : ReferenceInstance.ADMIN_TOKEN;
	}

	private static String method(RecordedExchange exchange) {
		Matcher method = METHOD.matcher(String.valueOf(exchange.command()));
		return method.find() ? method.group(1) : "user.whoami";
	}

	private RecordedExchange exchange(String title) {
		return this.exchanges.stream().filter((exchange) -> exchange.title().equals(title)).findFirst().orElseThrow();
	}

	/** A local server that answers each method with its recorded exchange's status, content type and bytes. */
	private static final class Recorded implements AutoCloseable {

		private final HttpServer server;

		private final AtomicInteger calls = new AtomicInteger();

		private Recorded(Map<String, RecordedExchange> byMethod) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/", (http) -> {
				this.calls.incrementAndGet();
				http.getRequestBody().readAllBytes();
				String method = http.getRequestURI().getPath().substring("/api/".length());
				RecordedExchange exchange = byMethod.getOrDefault(method, byMethod.get("*"));
				byte[] body = exchange.body().getBytes(StandardCharsets.UTF_8);
				http.getResponseHeaders().add("Content-Type", exchange.contentType());
				http.sendResponseHeaders(exchange.status(), body.length);
				try (OutputStream out = http.getResponseBody()) {
					out.write(body);
				}
			});
			this.server.start();
		}

		/**
		 * Serves the first exchange for every method, and each further one for its own method only (e.g. a
		 * {@code user.search} answer and a {@code user.edit} answer for one write).
		 */
		static Recorded serving(RecordedExchange first, RecordedExchange... others) {
			Map<String, RecordedExchange> byMethod = new ConcurrentHashMap<>();
			byMethod.put("*", first);
			byMethod.put(method(first), first);
			for (RecordedExchange other : others) {
				byMethod.put(method(other), other);
			}
			try {
				return new Recorded(byMethod);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		ConduitClient client(String token) {
			return new ConduitClient(URI.create(url()), Secret.of(token), Duration.ofSeconds(5), retry(),
					(pause) -> {
					});
		}

		Conduit conduit(String token) {
			return new Conduit(new PhorgeProperties(url(), null, "UNSET", 4, Duration.ofSeconds(5), retry(), null),
					Secret.of(token), (pause) -> {
					});
		}

		int calls() {
			return this.calls.get();
		}

		private String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		private static RetryProperties retry() {
			return new RetryProperties(3, Duration.ofMillis(1), Duration.ofMillis(1));
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
