package dev.idsync.sim.okta;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.User;
import dev.idsync.sim.Faults;
import dev.idsync.sim.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for the OAuth 2.0 service-app flow of {@link OktaSimServer}, driven by the real Okta SDK 24 where it can be.
 */
class OktaOAuthTests {

	private static final Set<String> USERS_AND_APPS = Set.of("okta.users.read", "okta.apps.read");

	private @Nullable OktaSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void sdkWithPrivateKeyListsUsersGroupMembersAndAppUsers() {
		OktaSimServer server = start(OktaTestOrg.org(450, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		ApiClient client = OktaSdk.privateKey(server, OktaTestOrg.KID, OktaTestOrg.KEYS.getPrivate(),
				OktaTestOrg.ALL_SCOPES);
		List<User> users = OktaSdk.all((after) -> new UserApi(client).listUsers(null, null, after, null, null, null,
				null, null));
		List<User> members = OktaSdk.all((after) -> new GroupApi(client).listGroupUsers(OktaTestOrg.GROUP_ID, after,
				100));
		List<AppUser> appUsers = OktaSdk.all((after) -> new ApplicationUsersApi(client)
			.listApplicationUsers(OktaTestOrg.APP_ID, after, null, null, "user"));
		// 405 users are not DEPROVISIONED; 300 of 450 are members; 225 are assigned, 180 once DEPROVISIONED leave
		assertThat(users).hasSize(405).extracting(User::getId).doesNotHaveDuplicates();
		assertThat(members).hasSize(300).extracting(User::getId).doesNotHaveDuplicates();
		assertThat(appUsers).hasSize(180).extracting(AppUser::getId).doesNotHaveDuplicates();
		assertThat(server.requestCounts()).containsEntry("/oauth2/v1", 1L)
			.containsEntry("/api/v1/users", 3L)
			.containsEntry("/api/v1/groups", 3L)
			.containsEntry("/api/v1/apps", 4L);
	}

	@Test
	void sdkWithWrongKeyFailsWhileBuilding() {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		assertThatThrownBy(() -> OktaSdk.privateKey(server, OktaTestOrg.KID, OktaTestOrg.rsa().getPrivate(),
				OktaTestOrg.ALL_SCOPES))
			.satisfies(OktaOAuthTests::isTokenFailure)
			.hasMessageContaining("The client_assertion signature is invalid.");
	}

	@Test
	void sdkWithWrongKidFailsWhileBuilding() {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		assertThatThrownBy(() -> OktaSdk.privateKey(server, "kid-other", OktaTestOrg.KEYS.getPrivate(),
				OktaTestOrg.ALL_SCOPES))
			.satisfies(OktaOAuthTests::isTokenFailure)
			.hasMessageContaining("The client_assertion JWT kid is invalid.");
	}

	@Test
	void sdkAskingOnlyUngrantedScopesFailsWhileBuilding() {
		OktaSimServer server = start(OktaTestOrg.org(3, USERS_AND_APPS), Clock.systemUTC());
		assertThatThrownBy(() -> OktaSdk.privateKey(server, OktaTestOrg.KID, OktaTestOrg.KEYS.getPrivate(),
				Set.of("okta.groups.read")))
			.satisfies(OktaOAuthTests::isTokenFailure)
			.hasMessageContaining("consent_required");
	}

	@Test
	void sdkAskingAnUngrantedScopeGets403OnItsEndpointOnly() {
		OktaSimServer server = start(OktaTestOrg.org(30, USERS_AND_APPS), Clock.systemUTC());
		ApiClient client = OktaSdk.privateKey(server, OktaTestOrg.KID, OktaTestOrg.KEYS.getPrivate(),
				OktaTestOrg.ALL_SCOPES);
		assertThat(new UserApi(client).listUsers(null, null, null, null, null, null, null, null)).hasSize(27);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new GroupApi(client).listGroupUsers(OktaTestOrg.GROUP_ID, null, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(403))
			.satisfies((ex) -> assertThat(header(ex, "WWW-Authenticate")).contains("scope=\"okta.groups.read\"",
					"error=\"insufficient_scope\"", "resource=\"/api/v1/groups/" + OktaTestOrg.GROUP_ID + "/users\""));
	}

	@Test
	void bearerWithoutGroupsScopeGets403OnGroupsWithChallengeAndNoBody() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		String token = accessToken(http, server, "okta.users.read okta.apps.read");
		HttpResponse<String> groups = http.get("/api/v1/groups?search=profile.name%20eq%20%22x%22", "Bearer " + token);
		assertThat(groups.statusCode()).isEqualTo(403);
		assertThat(groups.body()).isEmpty();
		assertThat(groups.headers().firstValue("WWW-Authenticate")).hasValue("Bearer authorization_uri=\""
				+ server.baseUrl() + "/oauth2/v1/authorize\", realm=\"" + server.baseUrl()
				+ "\", scope=\"okta.groups.read\", error=\"insufficient_scope\", error_description=\"The access token "
				+ "provided does not contain the required scopes.\", resource=\"/api/v1/groups\"");
		assertThat(groups.headers().firstValue("X-Rate-Limit-Limit")).hasValue("600");
		assertThat(http.get("/api/v1/users", "Bearer " + token).statusCode()).isEqualTo(200);
		assertThat(http.get("/api/v1/apps/" + OktaTestOrg.APP_ID + "/users", "Bearer " + token).statusCode())
			.isEqualTo(200);
	}

	@Test
	void tokenAnswersOktaShapeWithGrantedScopesOnly() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, USERS_AND_APPS), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		HttpResponse<String> response = http.token(OktaHttp.form(assertion(server, Instant.now()),
				"okta.users.read okta.groups.read okta.apps.read"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode token = OktaHttp.json(response);
		assertThat(token.propertyNames()).containsExactly("token_type", "expires_in", "access_token", "scope");
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("expires_in").asInt()).isEqualTo(3600);
		assertThat(token.get("scope").asString()).isEqualTo("okta.users.read okta.apps.read");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store");
		assertThat(response.headers().firstValue("X-Rate-Limit-Limit")).hasValue("1200");
		assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("1199");
	}

	@Test
	void tokenWhenAssertionWrongAnswersOktaErrors() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		Instant now = Instant.now();
		Map<String, String> expected = new HashMap<>();
		expected.put(signed(server, now, "exp", now.getEpochSecond() - 1), "The client_assertion token is expired.");
		expected.put(signed(server, now, "exp", now.getEpochSecond() + 3700),
				"The client_assertion token has an expiration too far into the future.");
		expected.put(signed(server, now, "aud", "https://elsewhere.example.com/oauth2/v1/token"),
				"The audience claim for client_assertion must be the endpoint invoked for the request.");
		expected.put(signed(server, now, "sub", "0oasomebodyelse"),
				"Client authentication failed. Either the client or the client credentials are invalid.");
		expected.put(assertion(server, now).replaceFirst("\\.[^.]*$", ".AAAA"),
				"The client_assertion signature is invalid.");
		expected.put("not-a-jwt", "The client_assertion token is malformed.");
		for (Map.Entry<String, String> entry : expected.entrySet()) {
			HttpResponse<String> response = http.token(OktaHttp.form(entry.getKey(), "okta.users.read"));
			assertThat(response.statusCode()).as(entry.getValue()).isEqualTo(401);
			assertThat(OktaHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
			assertThat(OktaHttp.json(response).get("error_description").asString()).isEqualTo(entry.getValue());
		}
	}

	@Test
	void tokenWhenAudienceIsStringAndKidAbsentAccepts() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		Map<String, Object> claims = OktaJwts.claims(server.baseUrl(), Instant.now());
		claims.put("aud", server.baseUrl() + "/oauth2/v1/token");
		String jwt = OktaJwts.sign(Map.of("alg", "RS256"), claims, OktaTestOrg.KEYS.getPrivate());
		assertThat(new OktaHttp(server).token(OktaHttp.form(jwt, "okta.users.read")).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWhenAssertionReplayedRefusesIt() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		String jwt = assertion(server, Instant.now());
		assertThat(http.token(OktaHttp.form(jwt, "okta.users.read")).statusCode()).isEqualTo(200);
		HttpResponse<String> replayed = http.token(OktaHttp.form(jwt, "okta.users.read"));
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(OktaHttp.json(replayed).get("error_description").asString())
			.isEqualTo("The client_assertion token has already been used.");
	}

	@Test
	void tokenWhenScopeMissingUnknownOrUngrantedAnswers400() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, USERS_AND_APPS), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		Map<String, String> errors = Map.of(" ", "invalid_scope", "okta.users.read openid", "invalid_scope",
				"okta.groups.read okta.groups.manage", "consent_required");
		errors.forEach((scope, error) -> {
			HttpResponse<String> response = send(http, OktaHttp.form(assertion(server, Instant.now()), scope));
			assertThat(response.statusCode()).as(scope).isEqualTo(400);
			assertThat(OktaHttp.json(response).get("error").asString()).as(scope).isEqualTo(error);
		});
	}

	@Test
	void tokenWhenGrantTypeOrAssertionMissingAnswersOAuthErrors() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		Map<String, String> form = new HashMap<>(OktaHttp.form(assertion(server, Instant.now()), "okta.users.read"));
		form.put("grant_type", "password");
		assertThat(OktaHttp.json(http.token(form)).get("error").asString()).isEqualTo("unsupported_grant_type");
		form.put("grant_type", "client_credentials");
		form.remove("client_assertion");
		HttpResponse<String> anonymous = http.token(form);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(OktaHttp.json(anonymous).get("error_description").asString())
			.isEqualTo("A client_id must be provided in the request.");
	}

	@Test
	void tokenWhenServerHasNoServiceAppRefusesEveryClient() throws Exception {
		this.server = new OktaSimServer(OktaSimUsers.generate(3), OktaTestOrg.TOKEN, Clock.systemUTC(), 0);
		HttpResponse<String> response = new OktaHttp(this.server)
			.token(OktaHttp.form(assertion(this.server, Instant.now()), "okta.users.read"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(OktaHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void bearerTokenExpiresAfterAnHour() throws Exception {
		MutableClock clock = new MutableClock(Instant.now());
		OktaSimServer server = start(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES), clock);
		OktaHttp http = new OktaHttp(server);
		String token = accessToken(http, server, "okta.users.read");
		clock.advance(Duration.ofMinutes(59));
		assertThat(http.get("/api/v1/users", "Bearer " + token).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> expired = http.get("/api/v1/users", "Bearer " + token);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(OktaHttp.json(expired).get("errorCode").asString()).isEqualTo("E0000011");
		assertThat(http.get("/api/v1/users", "Bearer nonsense").statusCode()).isEqualTo(401);
	}

	@Test
	void bearerWithManageScopeMayRead() throws Exception {
		OktaSimServer server = start(OktaTestOrg.org(3, Set.of("okta.groups.manage")), Clock.systemUTC());
		OktaHttp http = new OktaHttp(server);
		String token = accessToken(http, server, "okta.groups.manage");
		assertThat(http.get("/api/v1/groups", "Bearer " + token).statusCode()).isEqualTo(200);
		assertThat(http.get("/api/v1/users", "Bearer " + token).statusCode()).isEqualTo(403);
	}

	/** The SDK throws its OAuth2HttpException from {@code build()}, with the token endpoint's JSON as message. */
	private static void isTokenFailure(Throwable ex) {
		assertThat(ex.getClass().getName()).isEqualTo("com.okta.sdk.impl.oauth2.OAuth2HttpException");
	}

	private static String header(ApiException ex, String name) {
		return ex.getResponseHeaders()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name))
			.flatMap((header) -> header.getValue().stream())
			.findFirst()
			.orElseThrow();
	}

	private OktaSimServer start(OktaSimOrg org, Clock clock) {
		this.server = new OktaSimServer(org, clock, 0, Faults.none(), OktaSimServer.DEFAULT_USERS_PER_MINUTE);
		return this.server;
	}

	private static String accessToken(OktaHttp http, OktaSimServer server, String scope) throws Exception {
		HttpResponse<String> response = http.token(OktaHttp.form(assertion(server, Instant.now()), scope));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return OktaHttp.json(response).get("access_token").asString();
	}

	private static String assertion(OktaSimServer server, Instant now) {
		return OktaJwts.sign(OktaJwts.header(OktaTestOrg.KID), OktaJwts.claims(server.baseUrl(), now),
				OktaTestOrg.KEYS.getPrivate());
	}

	private static String signed(OktaSimServer server, Instant now, String claim, Object value) {
		Map<String, Object> claims = OktaJwts.claims(server.baseUrl(), now);
		claims.put(claim, value);
		return OktaJwts.sign(OktaJwts.header(OktaTestOrg.KID), claims, OktaTestOrg.KEYS.getPrivate());
	}

	private static HttpResponse<String> send(OktaHttp http, Map<String, String> form) {
		try {
			return http.token(form);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
