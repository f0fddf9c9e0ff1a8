package dev.idsync.sim.okta;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.idsync.sim.Faults;
import dev.idsync.sim.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the per-family rate limits of {@link OktaSimServer}.
 */
class OktaRateLimitTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

	private static final String RESET = Long.toString(Instant.parse("2026-11-29T10:16:00Z").getEpochSecond());

	private static final String GROUP_USERS = "/api/v1/groups/" + OktaTestOrg.GROUP_ID + "/users";

	private static final String APP_USERS = "/api/v1/apps/" + OktaTestOrg.APP_ID + "/users";

	private @Nullable OktaSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void everyFamilyAnnouncesOktasEnterpriseDefaults() throws Exception {
		this.server = new OktaSimServer(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), new MutableClock(NOW), 0);
		OktaHttp http = new OktaHttp(this.server);
		Map<String, String> limits = Map.of("/api/v1/users", "600", "/api/v1/groups", "600", GROUP_USERS, "600",
				APP_USERS, "100");
		for (Map.Entry<String, String> family : limits.entrySet()) {
			HttpResponse<String> response = http.get(family.getKey());
			assertThat(response.statusCode()).as(family.getKey()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Rate-Limit-Limit")).as(family.getKey())
				.hasValue(family.getValue());
			assertThat(response.headers().firstValue("X-Rate-Limit-Reset")).hasValue(RESET);
		}
		HttpResponse<String> token = http.token(OktaHttp.form("not-a-jwt", "okta.users.read"));
		assertThat(token.headers().firstValue("X-Rate-Limit-Limit")).hasValue("1200");
		assertThat(token.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("1199");
	}

	@Test
	void familiesSpendTheirOwnBudgetsAndAnswer429WhenSpent() throws Exception {
		OktaRateLimits limits = OktaRateLimits.enterprise(5)
			.with(OktaFamily.GROUPS, 2)
			.with(OktaFamily.APPS, 1)
			.with(OktaFamily.OAUTH2, 1);
		this.server = new OktaSimServer(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), new MutableClock(NOW), 0,
				new OktaBehaviour(Faults.none(), limits, Duration.ZERO));
		OktaHttp http = new OktaHttp(this.server);
		assertThat(http.get("/api/v1/groups").statusCode()).isEqualTo(200);
		HttpResponse<String> lastGroup = http.get(GROUP_USERS);
		assertThat(lastGroup.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
		assertRefused(http.get(GROUP_USERS), "2");
		assertRefused(http.get("/api/v1/groups"), "2");
		assertThat(http.get(APP_USERS).statusCode()).isEqualTo(200);
		assertRefused(http.get(APP_USERS), "1");
		assertThat(http.token(OktaHttp.form("not-a-jwt", "okta.users.read")).statusCode()).isEqualTo(401);
		HttpResponse<String> token = http.token(OktaHttp.form("not-a-jwt", "okta.users.read"));
		assertRefused(token, "1");
		HttpResponse<String> users = http.get("/api/v1/users");
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("4");
		assertThat(this.server.rateLimitedCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("/api/v1/users", 0L,
				"/api/v1/groups", 2L, "/api/v1/apps", 1L, "/oauth2/v1", 1L));
		assertThat(this.server.rateLimitedCount()).isEqualTo(4);
		assertThat(this.server.requestCounts()).containsEntry("/api/v1/groups", 4L).containsEntry("/oauth2/v1", 2L);
		assertThat(this.server.requestCount()).isEqualTo(9);
	}

	@Test
	void refusedRequestsSpendNothing() throws Exception {
		OktaRateLimits limits = OktaRateLimits.enterprise(600).with(OktaFamily.GROUPS, 1);
		this.server = new OktaSimServer(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), new MutableClock(NOW), 0,
				new OktaBehaviour(Faults.none(), limits, Duration.ZERO));
		OktaHttp http = new OktaHttp(this.server);
		assertThat(http.get("/api/v1/groups", "SSWS wrong").statusCode()).isEqualTo(401);
		assertThat(http.get("/api/v1/groups/x/apps").statusCode()).isEqualTo(404);
		HttpResponse<String> granted = http.get("/api/v1/groups");
		assertThat(granted.statusCode()).isEqualTo(200);
		assertThat(granted.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
	}

	@Test
	void constructWhenBudgetBelowOneThrowsBeforeListening() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OktaSimServer(
				OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC(), 0, Faults.none(), 0))
			.withMessageContaining("/api/v1/users");
	}

	private static void assertRefused(HttpResponse<String> response, String limit) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(OktaHttp.json(response).get("errorCode").asString()).isEqualTo("E0000047");
		assertThat(response.headers().firstValue("X-Rate-Limit-Limit")).hasValue(limit);
		assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
		assertThat(response.headers().firstValue("X-Rate-Limit-Reset")).hasValue(RESET);
		assertThat(response.headers().firstValue("Date")).isPresent();
	}

}
