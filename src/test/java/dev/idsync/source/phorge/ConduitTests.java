package dev.idsync.source.phorge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import dev.idsync.source.SourceException;

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
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("ERR-INVALID-AUTH"))
				.withMessageContaining("user.search")
				.withMessageContaining("is not valid")
				.withMessageNotContaining(wrong)
				.withMessageNotContaining("bbbbbbbbbbbbbbbbbbbbbbbbbbbb");
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
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> conduit(broken, ORG.conduitToken()).emails().humanAccountsWithEmail("a@example.com"))
				.withMessageContaining("HTTP 503")
				.withMessageContaining("after 3 attempts");
			assertThat(calls).hasValue(3);
		}
		finally {
			broken.stop(0);
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
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> conduit(html, ORG.conduitToken()).accounts().page(null))
				.withMessageContaining("not JSON");
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
