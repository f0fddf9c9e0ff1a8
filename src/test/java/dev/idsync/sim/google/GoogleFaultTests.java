package dev.idsync.sim.google;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.directory.Directory;
import dev.idsync.sim.Fault;
import dev.idsync.sim.FaultKind;
import dev.idsync.sim.Faults;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the faults injected into the simulated listings, seen through raw HTTP and through the real client.
 */
class GoogleFaultTests {

	private static final String USERS = "/admin/directory/v1/users?customer=my_customer&maxResults=100";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private @Nullable GoogleSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http500", "truncate", "empty", "badjson", "ratelimit" })
	void listUsersWhenPersistentFaultOnPage2FailsEveryTime(String kind) throws Exception {
		GoogleSimServer server = start("google:" + kind + ":2");
		String page2 = page2(server);
		assertFaulty(kind, page2);
		assertFaulty(kind, page2);
		assertThat(server.usersRequestCount()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http500", "truncate", "empty", "badjson", "ratelimit" })
	void listUsersWhenOnceFaultOnPage2RecoversOnRetry(String kind) throws Exception {
		GoogleSimServer server = start("google:" + kind + ":2:once");
		String page2 = page2(server);
		assertFaulty(kind, page2);
		assertNormal(get(page2));
		assertNormal(get(page2));
	}

	@Test
	void listUsersWhenSlowFaultAnswersNormallyAfterAPause() throws Exception {
		GoogleSimServer persistent = start("google:slow:2");
		try (GoogleSimServer once = new GoogleSimServer(GoogleSimCustomers.customer(), 0,
				faults("google:slow:2:once"))) {
			String persistentPage2 = page2(persistent);
			String oncePage2 = page2(once);
			// the two servers' pages are asked at once, so that the test waits about one pause, not three
			CompletableFuture<Duration> persistentFirst = timed(persistent, persistentPage2);
			CompletableFuture<Duration> persistentSecond = timed(persistent, persistentPage2);
			Duration onceFirst = timed(once, oncePage2).join();
			Duration onceSecond = timed(once, oncePage2).join();
			Duration pause = Duration.ofMillis(FaultKind.SLOW_MILLIS);
			assertThat(persistentFirst.join()).isGreaterThanOrEqualTo(pause);
			assertThat(persistentSecond.join()).isGreaterThanOrEqualTo(pause);
			assertThat(onceFirst).isGreaterThanOrEqualTo(pause);
			assertThat(onceSecond).isLessThan(pause);
		}
	}

	@Test
	void listUsersCountsPagesOfEachShowDeletedPassOnItsOwn() throws Exception {
		start("google:http500:2");
		// 10 deleted users: the showDeleted pass has a single page, which the fault on page 2 spares
		HttpResponse<String> deleted = get("/admin/directory/v1/users?customer=my_customer&showDeleted=true");
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(deleted.body()).get("users")).hasSize(12);
		start("google:empty:1");
		for (String pass : List.of("false", "true")) {
			JsonNode page = this.mapper
				.readTree(get("/admin/directory/v1/users?customer=my_customer&showDeleted=" + pass).body());
			assertThat(page.has("users")).as(pass).isFalse();
		}
	}

	@Test
	void listMembersWhenFaultOnPage2ActsItOut() throws Exception {
		GoogleSimServer server = start("google:empty:2:once");
		Directory directory = GoogleSimCustomers.directory(server);
		String token = directory.members().list(GoogleSimCustomers.BIG_GROUP).execute().getNextPageToken();
		var emptied = directory.members().list(GoogleSimCustomers.BIG_GROUP).setPageToken(token).execute();
		assertThat(emptied.getMembers()).isNull();
		assertThat(emptied.getNextPageToken()).isNull();
		assertThat(emptied.getKind()).isEqualTo("admin#directory#members");
		assertThat(directory.members().list(GoogleSimCustomers.BIG_GROUP).setPageToken(token).execute().getMembers())
			.hasSize(200);
		start("google:badjson:1");
		HttpResponse<String> response = get("/admin/directory/v1/groups/" + GoogleSimCustomers.BIG_GROUP_ID
				+ "/members");
		assertThat(response.body()).isEqualTo("{\"kind\":\"admin#directory#members\",\"members\":[{\"id\":");
	}

	@Test
	void listUsersWhenFaultyServerThrowsTheClientsExceptions() throws IOException {
		Directory directory = GoogleSimCustomers.directory(start("google:http500:1:once", "google:ratelimit:1:once",
				"google:truncate:1:once", "google:badjson:1:once"));
		assertThatExceptionOfType(GoogleJsonResponseException.class).isThrownBy(() -> list(directory))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(500))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason()).isEqualTo("backendError"));
		assertThatExceptionOfType(GoogleJsonResponseException.class).isThrownBy(() -> list(directory))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(429))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason())
				.isEqualTo("rateLimitExceeded"))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getDomain()).isEqualTo("usageLimits"));
		// google-http-client checks the body against Content-Length
		assertThatIOException().isThrownBy(() -> list(directory))
			.withMessageStartingWith("Connection closed prematurely: bytesRead = ");
		// Gson's parser, as google-http-client drives it, fails on the cut-off JSON with a bare NPE (its helpful message
		// is absent once the JIT throws a preallocated one, so only the type is checked)
		assertThatNullPointerException().isThrownBy(() -> list(directory));
		assertThat(directory.users().list().setCustomer("my_customer").execute().getUsers()).hasSize(100);
	}

	private GoogleSimServer start(String... specs) {
		close();
		this.server = new GoogleSimServer(GoogleSimCustomers.customer(), 0, faults(specs));
		return this.server;
	}

	private static Faults faults(String... specs) {
		return new Faults(List.of(specs).stream().map(Fault::parse).toList());
	}

	private static Object list(Directory directory) throws IOException {
		return directory.users().list().setCustomer("my_customer").execute();
	}

	/** Reads page 1, which no fault touches, and returns the path and query of page 2. */
	private String page2(GoogleSimServer server) throws Exception {
		HttpResponse<String> page1 = get(server, USERS);
		assertNormal(page1);
		String token = this.mapper.readTree(page1.body()).get("nextPageToken").asString();
		return USERS + "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	private void assertFaulty(String kind, String page2) throws Exception {
		if (kind.equals("truncate")) {
			assertThatIOException().isThrownBy(() -> get(page2));
			return;
		}
		HttpResponse<String> response = get(page2);
		switch (kind) {
			case "http500" -> assertError(response, 500, "backendError", "global");
			case "ratelimit" -> assertError(response, 429, "rateLimitExceeded", "usageLimits");
			case "badjson" -> assertThat(response.body())
				.isEqualTo("{\"kind\":\"admin#directory#users\",\"users\":[{\"id\":");
			case "empty" -> {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(this.mapper.readTree(response.body()).propertyNames()).containsExactly("kind", "etag");
			}
			default -> throw new IllegalArgumentException(kind);
		}
	}

	private void assertNormal(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode page = this.mapper.readTree(response.body());
		assertThat(page.get("users")).hasSize(100);
		assertThat(page.has("nextPageToken")).isTrue();
	}

	private void assertError(HttpResponse<String> response, int status, String reason, String domain) {
		assertThat(response.statusCode()).isEqualTo(status);
		JsonNode error = this.mapper.readTree(response.body()).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(status);
		assertThat(error.get("errors").get(0).get("reason").asString()).isEqualTo(reason);
		assertThat(error.get("errors").get(0).get("domain").asString()).isEqualTo(domain);
	}

	private CompletableFuture<Duration> timed(GoogleSimServer server, String pathAndQuery) {
		long start = System.nanoTime();
		return this.http.sendAsync(request(server, pathAndQuery), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> {
				assertNormal(response);
				return Duration.ofNanos(System.nanoTime() - start);
			});
	}

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		return get(this.server, pathAndQuery);
	}

	private HttpResponse<String> get(GoogleSimServer server, String pathAndQuery) throws Exception {
		return this.http.send(request(server, pathAndQuery), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(GoogleSimServer server, String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
			.header("Authorization", "Bearer " + GoogleSimCustomers.TOKEN)
			.build();
	}

}
