package dev.idsync.sim.okta;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.AppUserStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the Application Users API of {@link OktaSimServer}.
 */
class OktaAppUsersTests {

	private static final String APP_USERS = "/api/v1/apps/" + OktaTestOrg.APP_ID + "/users";

	private @Nullable OktaSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void listAppUsersWhenExpandedEmbedsTheUser() {
		OktaSimServer server = start(30);
		ApplicationUsersApi api = new ApplicationUsersApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0));
		List<AppUser> users = api.listApplicationUsers(OktaTestOrg.APP_ID, null, null, null, "user");
		assertThat(users).hasSize(12).allSatisfy((user) -> {
			assertThat(user.getStatus()).isEqualTo(AppUserStatus.ACTIVE);
			assertThat(user.getScope()).isEqualTo(AppUser.ScopeEnum.USER);
			assertThat(user.getCredentials().getUserName()).endsWith("@example.com");
			assertThat(user.getEmbedded()).containsKey("user");
			@SuppressWarnings("unchecked")
			Map<String, Object> embedded = (Map<String, Object>) user.getEmbedded().get("user");
			assertThat(embedded).containsEntry("id", user.getId()).containsKey("profile");
		});
		assertThat(api.listApplicationUsers(OktaTestOrg.APP_ID, null, null, null, null))
			.allSatisfy((user) -> assertThat(user.getEmbedded()).isNullOrEmpty());
	}

	@Test
	void listAppUsersOmitsDeprovisionedUsers() throws Exception {
		JsonNode users = OktaHttp.json(new OktaHttp(start(30)).get(APP_USERS + "?expand=user"));
		assertThat(users.size()).isEqualTo(12);
		users.forEach((user) -> assertThat(user.get("_embedded").get("user").get("status").asString())
			.isNotEqualTo("DEPROVISIONED"));
	}

	@Test
	void listAppUsersServesOktaAppUserShape() throws Exception {
		OktaSimServer server = start(3);
		JsonNode user = OktaHttp.json(new OktaHttp(server).get(APP_USERS)).get(0);
		assertThat(user.propertyNames()).containsExactly("id", "externalId", "created", "lastUpdated", "scope",
				"status", "statusChanged", "passwordChanged", "syncState", "credentials", "profile", "_links");
		assertThat(user.get("id").asString()).isEqualTo(OktaSimUsers.id(2));
		assertThat(user.get("syncState").asString()).isEqualTo("DISABLED");
		assertThat(user.get("credentials").get("userName").asString()).isEqualTo("user2@example.com");
		assertThat(user.get("profile").get("email").asString()).isEqualTo("user2@example.com");
		assertThat(user.get("_links").get("app").get("href").asString())
			.isEqualTo(server.baseUrl() + "/api/v1/apps/" + OktaTestOrg.APP_ID);
		assertThat(user.get("_links").get("user").get("href").asString())
			.isEqualTo(server.baseUrl() + "/api/v1/users/" + OktaSimUsers.id(2));
	}

	@Test
	void listAppUsersPagesByFiftyAndClampsLimitsTo500() throws Exception {
		OktaSimServer server = start(1_300);
		OktaHttp http = new OktaHttp(server);
		HttpResponse<String> first = http.get(APP_USERS + "?expand=user");
		assertThat(OktaHttp.json(first).size()).isEqualTo(50);
		String lastId = OktaHttp.json(first).get(49).get("id").asString();
		assertThat(first.headers().allValues("Link")).containsExactly(
				"<" + server.baseUrl() + APP_USERS + "?limit=50&expand=user>; rel=\"self\"",
				"<" + server.baseUrl() + APP_USERS + "?after=" + lastId + "&limit=50&expand=user>; rel=\"next\"");
		assertThat(OktaHttp.json(http.get(APP_USERS + "?limit=1000")).size()).isEqualTo(500);
	}

	@Test
	void listAppUsersWhenQGivenMatchesTheStartOfNamesAndEmail() throws Exception {
		OktaHttp http = new OktaHttp(start(30));
		assertThat(OktaHttp.json(http.get(APP_USERS + "?q=first2")).size()).isEqualTo(5);
		assertThat(OktaHttp.json(http.get(APP_USERS + "?q=LAST4")).size()).isEqualTo(1);
		assertThat(OktaHttp.json(http.get(APP_USERS + "?q=user14%40")).size()).isEqualTo(1);
	}

	@Test
	void listAppUsersWhenAppUnknownAnswers404() {
		OktaSimServer server = start(3);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new ApplicationUsersApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0))
				.listApplicationUsers("0oanope", null, null, null, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex.getResponseBody()).contains("\"errorCode\":\"E0000007\"",
					"0oanope (AppInstance)"));
	}

	private OktaSimServer start(int users) {
		this.server = new OktaSimServer(OktaTestOrg.org(users, OktaTestOrg.ALL_SCOPES), Clock.systemUTC(), 0);
		return this.server;
	}

}
