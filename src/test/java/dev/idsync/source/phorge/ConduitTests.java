package dev.idsync.source.phorge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.Account;
import dev.idsync.domain.AccountKind;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.phorge.ConduitSimServer;
import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.source.AccountDirectory;
import dev.idsync.source.Page;
import dev.idsync.source.Retrying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConduitTests {

	private static final SyntheticOrg ORG = OrgGenerator.generate(11, 400);

	@Test
	void accountsReadsEveryAccountOnceNewestFirstWithKinds() {
		try (ConduitSimServer server = server()) {
			AccountDirectory accounts = conduit(server, ORG.conduitToken()).accounts();
			List<Account> read = new ArrayList<>();
			int pages = 0;
			for (String cursor = null;; pages++) {
				Page<Account> page = accounts.page(cursor);
				read.addAll(page.items());
				cursor = page.next();
				if (cursor == null) {
					break;
				}
			}
			assertThat(read).hasSize(ORG.phorgeUsers().size());
			assertThat(read).extracting(Account::phid).doesNotHaveDuplicates();
			assertThat(read).extracting(Account::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
			assertThat(pages + 1).isEqualTo((ORG.phorgeUsers().size() + 99) / 100);
			assertThat(read.stream().filter((a) -> a.kind() == AccountKind.LIST)).hasSize(2);
			long bots = ORG.phorgeUsers().stream().filter(PhorgeUser::bot).count();
			assertThat(read.stream().filter((a) -> a.kind() == AccountKind.BOT)).hasSize((int) bots);
			long disabled = ORG.phorgeUsers().stream().filter(PhorgeUser::disabled).count();
			assertThat(read.stream().filter(Account::disabled)).hasSize((int) disabled);
		}
	}

	@Test
	void emailLookupMatchesAnyAddressCaseInsensitivelyAndSkipsBots() {
		try (ConduitSimServer server = server()) {
			Conduit conduit = conduit(server, ORG.conduitToken());
			PhorgeEmail secondary = ORG.phorgeEmails().stream().filter((e) -> !e.primary()).findFirst().orElseThrow();
			assertThat(conduit.emails().humanAccountsWithEmail(secondary.address().toUpperCase()))
				.containsExactly(secondary.userPhid());
			PhorgeUser bot = ORG.phorgeUsers().stream().filter(PhorgeUser::bot).findFirst().orElseThrow();
			String botEmail = ORG.phorgeEmails().stream().filter((e) -> e.userPhid().equals(bot.phid())).findFirst()
				.orElseThrow().address();
			assertThat(conduit.emails().humanAccountsWithEmail(botEmail)).isEmpty();
			assertThat(conduit.emails().humanAccountsWithEmail("nobody@nowhere.example")).isEmpty();
		}
	}

	@Test
	void wrongTokenFailsWithTheErrorCodeAndNeverTheToken() {
		String wrong = "api-" + "b".repeat(28);
		try (ConduitSimServer server = server()) {
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> conduit(server, wrong).accounts().page(null))
				.satisfies((ex) -> {
					assertThat(ex.errorCode()).isEqualTo("ERR-INVALID-AUTH");
					assertThat(ex.kind()).isEqualTo(ConduitFailure.INVALID_AUTH);
					for (Throwable failure = ex; failure != null; failure = failure.getCause()) {
						assertThat(String.valueOf(failure.getMessage())).doesNotContain(wrong)
							.doesNotContain("bbbbbbbbbbbbbbbbbbbbbbbbbbbb");
					}
				})
				.withMessageContaining("user.search")
				.withMessageContaining("is not valid")
				.withMessageContaining("create a new token under the bot's Settings › Conduit API Tokens")
				.withMessageNotContaining(wrong)
				.withMessageNotContaining("bbbbbbbbbbbbbbbbbbbbbbbbbbbb");
		}
	}

	@Test
	void whoamiReadsIdsyncsOwnBot() {
		// given
		try (ConduitSimServer server = server()) {
			// when
			Whoami self = conduit(server, ORG.conduitToken()).whoami();

			// then
			PhorgeUser bot = ORG.phorgeUsers().stream().filter((user) -> ORG.disablers().contains(user.phid()))
				.findFirst().orElseThrow();
			assertThat(self.phid()).isEqualTo(bot.phid());
			assertThat(self.username()).isEqualTo(bot.userName());
			assertThat(self.bot()).isTrue();
			assertThat(self.roles()).contains("bot", "approved").doesNotContain("agent");
		}
	}

	@Test
	void accountsByUsernameAsksOneHundredNamesACallAndKeysByLowerCase() {
		// given
		List<PhorgeUser> known = ORG.phorgeUsers().subList(0, 230);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < known.size(); i++) {
			String name = known.get(i).userName();
			names.add((i % 2 == 0) ? name.toUpperCase(Locale.ROOT) : name);
		}
		for (int i = 0; i < 20; i++) {
			names.add("Nobody-" + i);
		}

		try (ConduitSimServer server = server()) {
			// when
			Map<String, Account> found = conduit(server, ORG.conduitToken()).accountsByUsername(names);

			// then
			assertThat(names).hasSize(250);
			assertThat(found).hasSize(230);
			for (PhorgeUser user : known) {
				Account account = found.get(user.userName().toLowerCase(Locale.ROOT));
				assertThat(account).as(user.userName()).isNotNull();
				assertThat(account.phid()).isEqualTo(user.phid());
				assertThat(account.disabled()).isEqualTo(user.disabled());
			}
			assertThat(server.calls("user.search")).isEqualTo(3);
		}
	}

	@Test
	void accountsByPhidFindsKnownPhidsAndSkipsUnknownOnes() {
		// given
		List<String> phids = new ArrayList<>(ORG.phorgeUsers().stream().limit(150).map(PhorgeUser::phid).toList());
		phids.add("PHID-USER-doesnotexist00000000");
		phids.add(phids.get(0));

		try (ConduitSimServer server = server()) {
			// when
			Map<String, Account> found = conduit(server, ORG.conduitToken()).accountsByPhid(phids);

			// then
			assertThat(found).hasSize(150).doesNotContainKey("PHID-USER-doesnotexist00000000");
			assertThat(found.values()).allSatisfy((account) -> assertThat(found.get(account.phid()))
				.isSameAs(account));
			assertThat(server.calls("user.search")).isEqualTo(2);
		}
	}

	@Test
	void lookupsOfNothingCallNothing() {
		try (ConduitSimServer server = server()) {
			Conduit conduit = conduit(server, ORG.conduitToken());
			assertThat(conduit.accountsByUsername(List.of())).isEmpty();
			assertThat(conduit.accountsByPhid(List.of())).isEmpty();
			assertThat(server.calls("user.search")).isZero();
		}
	}

	@Test
	void requestsAskForGzipNameIdsyncAndReadGzippedAnswers() throws IOException {
		// given
		Map<String, String> headers = new ConcurrentHashMap<>();
		HttpServer gzipping = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		gzipping.createContext("/", (exchange) -> {
			headers.put("Accept-Encoding", String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
			headers.put("User-Agent", String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
			exchange.getRequestBody().readAllBytes();
			ByteArrayOutputStream zipped = new ByteArrayOutputStream();
			try (OutputStream gzip = new GZIPOutputStream(zipped)) {
				gzip.write(("{\"result\":[{\"phid\":\"PHID-USER-a\",\"roles\":[]}],\"error_code\":null,"
						+ "\"error_info\":null}").getBytes(StandardCharsets.UTF_8));
			}
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, zipped.size());
			try (OutputStream out = exchange.getResponseBody()) {
				zipped.writeTo(out);
			}
		});
		gzipping.start();
		try {
			// when
			List<String> found = conduit(gzipping, ORG.conduitToken()).emails().humanAccountsWithEmail("a@example.com");

			// then
			assertThat(found).containsExactly("PHID-USER-a");
			assertThat(headers.get("Accept-Encoding")).contains("gzip");
			assertThat(headers.get("User-Agent")).matches("idsync/\\S+");
		}
		finally {
			gzipping.stop(0);
		}
	}

	@Test
	void redirectIsNotFollowedButReportedWithItsTarget() throws IOException {
		// given
		HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		redirecting.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Location", "https://phorge.example.com/api/user.whoami");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		redirecting.start();
		try {
			// when / then
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> conduit(redirecting, ORG.conduitToken()).whoami())
				.withMessageContaining("unexpected HTTP 301")
				.withMessageContaining("https://phorge.example.com/api/user.whoami")
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.MALFORMED));
		}
		finally {
			redirecting.stop(0);
		}
	}

	@Test
	void rateLimitAndServerErrorsAreRetriedThenSucceed() throws IOException {
		AtomicInteger calls = new AtomicInteger();
		HttpServer flaky = serve((n) -> (n == 1) ? 429 : (n == 2) ? 502 : 200, calls);
		try {
			assertThat(conduit(flaky, ORG.conduitToken()).emails().humanAccountsWithEmail("a@example.com")).isEmpty();
			assertThat(calls).hasValue(3);
		}
		finally {
			flaky.stop(0);
		}
	}

	@Test
	void persistentServerErrorsFailAfterBoundedAttempts() throws IOException {
		AtomicInteger calls = new AtomicInteger();
		HttpServer broken = serve((n) -> 503, calls);
		try {
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> conduit(broken, ORG.conduitToken()).emails().humanAccountsWithEmail("a@example.com"))
				.withMessageContaining("user.query")
				.withMessageContaining("HTTP 503")
				.withMessageContaining("after 3 attempts")
				.satisfies((ex) -> {
					assertThat(ex.kind()).isEqualTo(ConduitFailure.TRANSPORT);
					assertThat(ex.retries()).isEqualTo(2);
					assertThat(ex.rateLimitWaits()).isZero();
				});
			assertThat(calls).hasValue(3);
		}
		finally {
			broken.stop(0);
		}
	}

	@Test
	void callsWhenMadeFromManyThreadsThenCountsEachCallOnceByMethod() throws Exception {
		try (ConduitSimServer server = server()) {
			// given
			Conduit conduit = conduit(server, ORG.conduitToken());
			ExecutorService threads = Executors.newFixedThreadPool(4);
			// when
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				calls.add(threads.submit(conduit::whoami));
				calls.add(threads.submit(() -> conduit.emails().humanAccountsWithEmail("nobody@example.com")));
			}
			for (Future<?> call : calls) {
				call.get();
			}
			threads.shutdown();
			Map<String, Long> counted = conduit.calls();
			conduit.ownerOf(Secret.of(ORG.conduitToken()));
			// then: a copy, by method; a token checked for another owner counts with the rest
			assertThat(counted).containsExactly(Map.entry("user.query", 40L), Map.entry("user.whoami", 40L));
			assertThat(conduit.calls()).containsEntry("user.whoami", 41L);
		}
	}

	@Test
	void callsWhenRetriedThenCountsTheCallOnce() throws IOException {
		// given
		AtomicInteger requests = new AtomicInteger();
		HttpServer flaky = serve((n) -> (n == 1) ? 429 : (n == 2) ? 502 : 200, requests);
		try {
			Conduit conduit = conduit(flaky, ORG.conduitToken());
			// when
			conduit.emails().humanAccountsWithEmail("a@example.com");
			// then
			assertThat(requests).hasValue(3);
			assertThat(conduit.calls()).containsExactly(Map.entry("user.query", 1L));
		}
		finally {
			flaky.stop(0);
		}
	}

	@Test
	void answerThatIsNotConduitJsonFailsClearly() throws IOException {
		HttpServer html = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		html.createContext("/", (exchange) -> {
			byte[] body = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		html.start();
		try {
			assertThatExceptionOfType(ConduitException.class)
				.isThrownBy(() -> conduit(html, ORG.conduitToken()).accounts().page(null))
				.withMessageContaining("not JSON")
				.withMessageContaining("points at the Phorge instance itself")
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.MALFORMED));
		}
		finally {
			html.stop(0);
		}
	}

	private static ConduitSimServer server() {
		return new ConduitSimServer(new InMemoryPhorgeDirectory(ORG.phorgeUsers(), ORG.phorgeEmails(),
				ORG.phorgeTokens(), ORG.disablers()), Clock.systemUTC(), 0, null);
	}

	private static Conduit conduit(ConduitSimServer server, String token) {
		return conduit(server.baseUrl(), token);
	}

	private static Conduit conduit(HttpServer server, String token) {
		return conduit("http://127.0.0.1:" + server.getAddress().getPort(), token);
	}

	private static Conduit conduit(String url, String token) {
		return new Conduit(new PhorgeProperties(url, null, "UNSET", 4, Duration.ofSeconds(5),
				new RetryProperties(3, Duration.ofMillis(10), Duration.ofMillis(50)), null), Secret.of(token),
				Retrying.Sleeper.thread());
	}

	private static HttpServer serve(java.util.function.IntUnaryOperator status, AtomicInteger calls)
			throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			int code = status.applyAsInt(calls.incrementAndGet());
			byte[] body = ((code == 200) ? "{\"result\":[],\"error_code\":null,\"error_info\":null}"
					: "TOO MANY REQUESTS").getBytes(StandardCharsets.UTF_8);
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(code, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		return server;
	}

}
