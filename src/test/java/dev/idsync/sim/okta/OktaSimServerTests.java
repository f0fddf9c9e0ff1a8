package dev.idsync.sim.okta;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.sim.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OktaSimServer}, read back with the real Okta SDK 24 where the SDK can show the behaviour.
 */
class OktaSimServerTests {

	private static final String TOKEN = "00sim-token";

	private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

	/** The end of {@code NOW}'s minute window, in epoch seconds. */
	private static final String RESET = Long.toString(Instant.parse("2026-11-29T10:16:00Z").getEpochSecond());

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private @Nullable OktaSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void listUsersWhenMoreThanOnePageFollowsLinkHeaders() {
		List<OktaSimUser> users = OktaSimUsers.generate(450);
		OktaSimServer server = start(users, Clock.systemUTC(), 600);
		UserApi api = userApi(server, TOKEN);
		List<User> active = listAll(api, null);
		List<User> deprovisioned = listAll(api, "status eq \"DEPROVISIONED\"");
		assertThat(active).extracting(User::getStatus).doesNotContain(UserStatus.DEPROVISIONED);
		assertThat(deprovisioned).extracting(User::getStatus).containsOnly(UserStatus.DEPROVISIONED);
		List<String> ids = new ArrayList<>();
		active.forEach((user) -> ids.add(user.getId()));
		deprovisioned.forEach((user) -> ids.add(user.getId()));
		assertThat(ids).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(users.stream().map(OktaSimUser::id).toList());
		// 405 listed users in pages of 200, plus one page of 45 DEPROVISIONED users
		assertThat(server.requestCount()).isEqualTo(4);
	}

	@Test
	void listUsersWhenStagedServesNullDates() {
		OktaSimServer server = start(OktaSimUsers.generate(20), Clock.systemUTC(), 600);
		Map<String, User> byId = byId(listAll(userApi(server, TOKEN), null));
		User staged = byId.get(OktaSimUsers.id(1));
		assertThat(staged.getStatus()).isEqualTo(UserStatus.STAGED);
		assertThat(staged.getActivated()).isNull();
		assertThat(staged.getStatusChanged()).isNull();
		assertThat(staged.getLastLogin()).isNull();
		assertThat(staged.getPasswordChanged()).isNull();
		assertThat(staged.getCreated().toInstant()).isEqualTo(OktaSimUsers.EPOCH.plus(Duration.ofHours(1)));
		User suspended = byId.get(OktaSimUsers.id(2));
		assertThat(suspended.getStatus()).isEqualTo(UserStatus.SUSPENDED);
		assertThat(suspended.getActivated()).isNotNull();
		assertThat(suspended.getProfile().getLogin()).isEqualTo("user2@example.com");
		assertThat(suspended.getProfile().getSecondEmail()).isEqualTo("u2@home.example.org");
	}

	@Test
	void listUsersWhenCustomAttributeSetDeliversItInAdditionalProperties() {
		OktaSimServer server = start(OktaSimUsers.generate(20), Clock.systemUTC(), 600);
		Map<String, User> byId = byId(listAll(userApi(server, TOKEN), null));
		assertThat(byId.get(OktaSimUsers.id(4)).getProfile().getAdditionalProperties())
			.containsEntry("phabricatorUsername", "user4");
		assertThat(byId.get(OktaSimUsers.id(14)).getProfile().getAdditionalProperties())
			.doesNotContainKey("phabricatorUsername");
	}

	@Test
	void listUsersWhenSearchJoinsStatusesWithOrListsEach() {
		OktaSimServer server = start(OktaSimUsers.generate(100), Clock.systemUTC(), 600);
		List<User> users = userApi(server, TOKEN).listUsers(null, null, null, null, null,
				"status eq \"STAGED\" or (status eq \"DEPROVISIONED\" and profile.phabricatorUsername pr)", null,
				null);
		assertThat(users).hasSize(10 + 8)
			.extracting(User::getStatus)
			.containsOnly(UserStatus.STAGED, UserStatus.DEPROVISIONED);
	}

	@Test
	void listUsersWhenTokenWrongThrows401() {
		OktaSimServer server = start(OktaSimUsers.generate(3), Clock.systemUTC(), 600);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> userApi(server, "wrong").listUsers(null, null, null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(401))
			.satisfies((ex) -> assertThat(ex.getResponseBody()).contains("\"errorCode\":\"E0000011\""));
	}

	@Test
	void listUsersWhenFilterUnparseableThrows400() {
		OktaSimServer server = start(OktaSimUsers.generate(3), Clock.systemUTC(), 600);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> userApi(server, TOKEN).listUsers(null, null, null, null, "status eq", null, null, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.getResponseBody()).contains("\"errorCode\":\"E0000031\"",
					"\"errorSummary\":\"Invalid search criteria.\""));
	}

	@Test
	void listUsersWhenOverBudgetSdkSurfaces429() {
		OktaSimServer server = start(OktaSimUsers.generate(3), new MutableClock(NOW), 1);
		UserApi api = userApi(server, TOKEN, 0);
		api.listUsers(null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> api.listUsers(null, null, null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(429));
		assertThat(server.rateLimitedCount()).isEqualTo(1);
	}

	@Test
	void everyResponseCarriesRateLimitHeaders() throws Exception {
		OktaSimServer server = start(OktaSimUsers.generate(3), new MutableClock(NOW), 600);
		List<HttpResponse<String>> responses = List.of(get(server, "/api/v1/users", TOKEN),
				get(server, "/api/v1/users", "wrong"), get(server, "/api/v1/users?filter=nonsense", TOKEN),
				get(server, "/api/v1/devices", TOKEN));
		assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 401, 400, 404);
		for (HttpResponse<String> response : responses) {
			assertThat(response.headers().firstValue("X-Rate-Limit-Limit")).hasValue("600");
			assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
			assertThat(response.headers().firstValue("X-Rate-Limit-Reset")).hasValue(RESET);
			assertThat(response.headers().firstValue("Date")).isPresent();
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		}
		assertThat(responses.get(1).body()).contains("\"errorSummary\":\"Invalid token provided\"",
				"\"errorLink\":\"E0000011\"", "\"errorId\":\"oae", "\"errorCauses\":[]");
	}

	@Test
	void listUsersWhenOverBudgetAnswers429WithDateAndReset() throws Exception {
		MutableClock clock = new MutableClock(NOW);
		OktaSimServer server = start(OktaSimUsers.generate(3), clock, 2);
		assertThat(get(server, "/api/v1/users", TOKEN).headers().firstValue("X-Rate-Limit-Remaining")).hasValue("1");
		assertThat(get(server, "/api/v1/users", TOKEN).headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
		HttpResponse<String> limited = get(server, "/api/v1/users", TOKEN);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(this.mapper.readTree(limited.body()).get("errorCode").asString()).isEqualTo("E0000047");
		assertThat(limited.headers().firstValue("X-Rate-Limit-Reset")).hasValue(RESET);
		assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
		assertThat(limited.headers().firstValue("Date").map(this::httpDate)).isPresent();
		clock.advance(Duration.ofSeconds(30));
		assertThat(get(server, "/api/v1/users", TOKEN).statusCode()).isEqualTo(200);
		HttpResponse<String> nextWindow = get(server, "/api/v1/users", TOKEN);
		String nextReset = Long.toString(Instant.parse("2026-11-29T10:17:00Z").getEpochSecond());
		assertThat(nextWindow.headers().firstValue("X-Rate-Limit-Reset")).hasValue(nextReset);
		assertThat(nextWindow.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
		assertThat(server.rateLimitedCount()).isEqualTo(1);
	}

	@Test
	void listUsersWhenMoreRemainSendsOneLinkHeaderPerRelation() throws Exception {
		OktaSimServer server = start(OktaSimUsers.generate(30), Clock.systemUTC(), 600);
		String filter = "status eq \"ACTIVE\" or status eq \"DEPROVISIONED\"";
		HttpResponse<String> response = get(server,
				"/api/v1/users?limit=5&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), TOKEN);
		List<String> links = response.headers().allValues("Link");
		assertThat(links).hasSize(2).allSatisfy((link) -> assertThat(link).doesNotContain(","));
		String encoded = "filter=status%20eq%20%22ACTIVE%22%20or%20status%20eq%20%22DEPROVISIONED%22";
		String users = server.baseUrl() + "/api/v1/users";
		assertThat(links.get(0)).isEqualTo("<" + users + "?limit=5&" + encoded + ">; rel=\"self\"");
		String lastId = this.mapper.readTree(response.body()).get(4).get("id").asString();
		assertThat(links.get(1))
			.isEqualTo("<" + users + "?after=" + lastId + "&limit=5&" + encoded + ">; rel=\"next\"");
	}

	@Test
	void listUsersWhenLastPageSendsOnlySelfLink() throws Exception {
		OktaSimServer server = start(OktaSimUsers.generate(3), Clock.systemUTC(), 600);
		HttpResponse<String> response = get(server, "/api/v1/users", TOKEN);
		assertThat(response.headers().allValues("Link"))
			.containsExactly("<" + server.baseUrl() + "/api/v1/users?limit=200>; rel=\"self\"");
	}

	@Test
	void listUsersWhenLimitAboveMaximumClampsTo200() throws Exception {
		OktaSimServer server = start(OktaSimUsers.generate(450), Clock.systemUTC(), 600);
		HttpResponse<String> response = get(server, "/api/v1/users?limit=1000", TOKEN);
		assertThat(this.mapper.readTree(response.body()).size()).isEqualTo(200);
		assertThat(response.headers().allValues("Link").get(1)).contains("&limit=200>");
	}

	@Test
	void listUsersServesOktaUserShape() throws Exception {
		OktaSimServer server = start(List.of(OktaSimUsers.user(1, "STAGED"), OktaSimUsers.user(4, "ACTIVE")),
				Clock.systemUTC(), 600);
		JsonNode users = this.mapper.readTree(get(server, "/api/v1/users", TOKEN).body());
		JsonNode staged = users.get(0);
		assertThat(staged.get("id").asString()).isEqualTo(OktaSimUsers.id(1));
		assertThat(staged.get("created").asString()).isEqualTo("2024-01-01T10:00:00.000Z");
		assertThat(staged.get("activated").isNull()).isTrue();
		assertThat(staged.get("passwordChanged").isNull()).isTrue();
		assertThat(staged.get("profile").get("mobilePhone").isNull()).isTrue();
		assertThat(staged.get("credentials").get("provider").get("type").asString()).isEqualTo("OKTA");
		assertThat(staged.get("_links").get("self").get("href").asString())
			.isEqualTo(server.baseUrl() + "/api/v1/users/" + OktaSimUsers.id(1));
		assertThat(staged.propertyNames()).containsExactly("id", "status", "created", "activated", "statusChanged",
				"lastLogin", "lastUpdated", "passwordChanged", "type", "profile", "credentials", "_links");
	}

	@Test
	void listUsersToleratesStrayContentTypeOnGet() throws Exception {
		OktaSimServer server = start(OktaSimUsers.generate(3), Clock.systemUTC(), 600);
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/users"))
			.header("Authorization", "SSWS " + TOKEN)
			.header("Content-Type", "text/xml")
			.method("GET", HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void constructWhenIdsRepeatThrowsBeforeListening() {
		List<OktaSimUser> twice = List.of(OktaSimUsers.user(1, "ACTIVE"), OktaSimUsers.user(1, "SUSPENDED"));
		assertThatIllegalArgumentException().isThrownBy(() -> new OktaSimServer(twice, TOKEN, Clock.systemUTC(), 0))
			.withMessageContaining("unique");
	}

	private OktaSimServer start(List<OktaSimUser> users, Clock clock, int perMinute) {
		this.server = new OktaSimServer(users, TOKEN, clock, 0, perMinute);
		return this.server;
	}

	private HttpResponse<String> get(OktaSimServer server, String pathAndQuery, String token)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
			.header("Authorization", "SSWS " + token)
			.header("Accept", "application/json")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private ZonedDateTime httpDate(String value) {
		return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC);
	}

	private static UserApi userApi(OktaSimServer server, String token) {
		return userApi(server, token, 4);
	}

	private static UserApi userApi(OktaSimServer server, String token, int retries) {
		return new UserApi(OktaSdk.ssws(server, token, retries));
	}

	private static List<User> listAll(UserApi api, @Nullable String filter) {
		return OktaSdk.all((after) -> api.listUsers(null, null, after, null, filter, null, null, null));
	}

	private static Map<String, User> byId(List<User> users) {
		return users.stream().collect(Collectors.toMap(User::getId, Function.identity()));
	}

}
