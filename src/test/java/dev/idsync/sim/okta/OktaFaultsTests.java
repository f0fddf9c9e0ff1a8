package dev.idsync.sim.okta;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.User;
import dev.idsync.sim.Fault;
import dev.idsync.sim.FaultKind;
import dev.idsync.sim.Faults;
import dev.idsync.sim.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for the faults {@link OktaSimServer} injects on the pages of its user listings: raw HTTP shows each answer,
 * plain retries and the SDK show that a {@code once} fault heals.
 */
class OktaFaultsTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

	/** 27 of the 30 users are listed (every tenth is DEPROVISIONED): pages of 10 make three pages. */
	private static final String FIRST_PAGE = "/api/v1/users?limit=10";

	private static final List<FaultKind> QUICK_KINDS = List.of(FaultKind.HTTP500, FaultKind.TRUNCATE,
			FaultKind.EMPTY, FaultKind.BADJSON, FaultKind.RATELIMIT);

	private @Nullable OktaSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void faultPersistentOnPage2MisbehavesOnEveryAttempt() throws Exception {
		for (FaultKind kind : QUICK_KINDS) {
			OktaHttp http = new OktaHttp(start(new Fault("okta", kind, 2, false), Duration.ZERO));
			HttpResponse<String> first = http.get(FIRST_PAGE);
			assertThat(OktaHttp.json(first).size()).as(kind.name()).isEqualTo(10);
			String second = path(next(first).orElseThrow());
			assertMisbehaves(kind, http, second);
			assertMisbehaves(kind, http, second);
			String twentieth = OktaHttp.json(http.get("/api/v1/users?limit=20")).get(19).get("id").asString();
			assertThat(OktaHttp.json(http.get("/api/v1/users?after=" + twentieth + "&limit=10")).size())
				.as(kind.name())
				.isEqualTo(7);
			close();
		}
	}

	@Test
	void faultOnceOnPage2HealsOnRetry() throws Exception {
		for (FaultKind kind : QUICK_KINDS) {
			OktaHttp http = new OktaHttp(start(new Fault("okta", kind, 2, true), Duration.ZERO));
			String second = path(next(http.get(FIRST_PAGE)).orElseThrow());
			assertMisbehaves(kind, http, second);
			assertThat(readAllRetryingOnce(http)).as(kind.name()).hasSize(27).doesNotHaveDuplicates();
			close();
		}
	}

	@Test
	void faultSlowWaitsAsLongAsFaultKindSaysUnlessATestShortensIt() {
		assertThat(OktaBehaviour.of(Faults.none(), 600).slowness()).hasMillis(FaultKind.SLOW_MILLIS);
	}

	@Test
	void faultSlowOnceDelaysOnlyTheFirstAnswer() throws Exception {
		OktaHttp http = new OktaHttp(start(new Fault("okta", FaultKind.SLOW, 2, true), Duration.ofMillis(500)));
		String second = path(next(http.get(FIRST_PAGE)).orElseThrow());
		assertThat(timed(http, second)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
		assertThat(timed(http, second)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void faultSlowPersistentDelaysEveryAnswerThatThenIsNormal() throws Exception {
		OktaHttp http = new OktaHttp(start(new Fault("okta", FaultKind.SLOW, 2, false), Duration.ofMillis(250)));
		String second = path(next(http.get(FIRST_PAGE)).orElseThrow());
		assertThat(timed(http, second)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		long start = System.nanoTime();
		HttpResponse<String> slow = http.get(second);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		assertThat(OktaHttp.json(slow).size()).isEqualTo(10);
		assertThat(next(slow)).isPresent();
		assertThat(slow.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
	}

	@Test
	void faultRateLimitOnceIsRetriedBySdk() {
		// The SDK waits Reset - Date + 1 s: a clock a second behind the JDK server's Date keeps that to 1 s.
		Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-1));
		this.server = new OktaSimServer(OktaTestOrg.org(30, OktaTestOrg.ALL_SCOPES), behind, 0,
				new Faults(List.of(new Fault("okta", FaultKind.RATELIMIT, 2, true))), 600);
		UserApi api = new UserApi(OktaSdk.ssws(this.server, OktaTestOrg.TOKEN, 1));
		List<User> users = OktaSdk.all((after) -> api.listUsers(null, null, after, 10, null, null, null, null));
		assertThat(users).hasSize(27).extracting(User::getId).doesNotHaveDuplicates();
		assertThat(this.server.rateLimitedCounts()).containsEntry("/api/v1/users", 1L);
		assertThat(this.server.requestCount()).isEqualTo(4);
	}

	@Test
	void faultHttp500OnceSurfacesInSdkAndARetryReadsEverything() {
		OktaSimServer server = start(new Fault("okta", FaultKind.HTTP500, 2, true), Duration.ZERO);
		UserApi api = new UserApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0));
		List<User> users = OktaSdk.all((after) -> {
			try {
				return api.listUsers(null, null, after, 10, null, null, null, null);
			}
			catch (ApiException ex) {
				assertThat(ex.getCode()).isEqualTo(500);
				assertThat(ex.getResponseBody()).contains("\"errorCode\":\"E0000009\"");
				return api.listUsers(null, null, after, 10, null, null, null, null);
			}
		});
		assertThat(users).hasSize(27).extracting(User::getId).doesNotHaveDuplicates();
	}

	@Test
	void faultCountsPagesOfEachListingAndFilterPassFromOne() throws Exception {
		OktaSimServer server = start(new Fault("okta", FaultKind.HTTP500, 2, false), Duration.ZERO);
		OktaHttp http = new OktaHttp(server);
		String deprovisioned = "/api/v1/users?limit=2&filter=status%20eq%20%22DEPROVISIONED%22";
		HttpResponse<String> firstPass = http.get(deprovisioned);
		assertThat(firstPass.statusCode()).isEqualTo(200);
		assertThat(http.get(path(next(firstPass).orElseThrow())).statusCode()).isEqualTo(500);
		String appUsers = "/api/v1/apps/" + OktaTestOrg.APP_ID + "/users?limit=5";
		assertThat(http.get(path(next(http.get(appUsers)).orElseThrow())).statusCode()).isEqualTo(500);
		// the groups listing is a lookup, not a listing of users: it is never faulty
		assertThat(http.get("/api/v1/groups?limit=1&after=00g").statusCode()).isEqualTo(200);
		GroupApi groups = new GroupApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0));
		List<User> firstTen = groups.listGroupUsers(OktaTestOrg.GROUP_ID, null, 10);
		String fifth = firstTen.get(4).getId();
		String tenth = firstTen.get(9).getId();
		// a page's number is its offset divided by its limit, plus 1
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> groups.listGroupUsers(OktaTestOrg.GROUP_ID, tenth, 10))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(500));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> groups.listGroupUsers(OktaTestOrg.GROUP_ID, fifth, 5));
		assertThat(groups.listGroupUsers(OktaTestOrg.GROUP_ID, tenth, 20)).hasSize(10);
	}

	private void assertMisbehaves(FaultKind kind, OktaHttp http, String path) throws Exception {
		if (kind == FaultKind.TRUNCATE) {
			assertThatIOException().as(kind.name()).isThrownBy(() -> http.get(path));
			return;
		}
		HttpResponse<String> response = http.get(path);
		assertThat(response.headers().firstValue("X-Rate-Limit-Limit")).as(kind.name()).hasValue("600");
		assertThat(response.headers().firstValue("Date")).as(kind.name()).isPresent();
		switch (kind) {
			case HTTP500 -> {
				assertThat(response.statusCode()).isEqualTo(500);
				assertThat(OktaHttp.json(response).get("errorCode").asString()).isEqualTo("E0000009");
				assertThat(OktaHttp.json(response).get("errorSummary").asString()).isEqualTo("Internal Server Error");
			}
			case EMPTY -> {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("[]");
				assertThat(response.headers().allValues("Link")).singleElement()
					.asString()
					.endsWith("; rel=\"self\"");
			}
			case BADJSON -> {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
				assertThat(response.body()).isEqualTo("[{\"id\":\"00u");
			}
			case RATELIMIT -> {
				assertThat(response.statusCode()).isEqualTo(429);
				assertThat(OktaHttp.json(response).get("errorCode").asString()).isEqualTo("E0000047");
				assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
				assertThat(response.headers().firstValue("X-Rate-Limit-Reset"))
					.hasValue(Long.toString(NOW.getEpochSecond() + 1));
			}
			default -> throw new IllegalArgumentException(kind.name());
		}
	}

	/** Follows every page, asking a failed page once more. */
	private static List<String> readAllRetryingOnce(OktaHttp http) throws Exception {
		List<String> ids = new ArrayList<>();
		String path = FIRST_PAGE;
		while (path != null) {
			HttpResponse<String> page = readable(http, path).orElse(null);
			if (page == null) {
				page = readable(http, path).orElseThrow();
			}
			OktaHttp.json(page).forEach((user) -> ids.add(user.get("id").asString()));
			path = next(page).map(OktaFaultsTests::path).orElse(null);
		}
		return ids;
	}

	/** The page, if it arrived whole as a JSON array of users with a next link unless it is the last one. */
	private static Optional<HttpResponse<String>> readable(OktaHttp http, String path) throws InterruptedException {
		try {
			HttpResponse<String> response = http.get(path);
			JsonNode users = OktaHttp.json(response);
			boolean complete = response.statusCode() == 200 && (users.size() == 10 || next(response).isEmpty());
			return complete ? Optional.of(response) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Duration timed(OktaHttp http, String path) throws Exception {
		long start = System.nanoTime();
		assertThat(http.get(path).statusCode()).isEqualTo(200);
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static Optional<String> next(HttpResponse<String> response) {
		return response.headers()
			.allValues("Link")
			.stream()
			.filter((link) -> link.endsWith("rel=\"next\""))
			.map((link) -> link.substring(1, link.indexOf('>')))
			.findFirst();
	}

	/** The path and query of an absolute link. */
	private static String path(String url) {
		return url.substring(url.indexOf("/api/"));
	}

	private OktaSimServer start(Fault fault, Duration slowness) {
		OktaBehaviour behaviour = new OktaBehaviour(new Faults(List.of(fault)), OktaRateLimits.enterprise(600),
				slowness);
		this.server = new OktaSimServer(OktaTestOrg.org(30, OktaTestOrg.ALL_SCOPES), new MutableClock(NOW), 0,
				behaviour);
		return this.server;
	}

}
