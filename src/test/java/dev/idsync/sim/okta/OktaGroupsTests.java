package dev.idsync.sim.okta;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.Group;
import com.okta.sdk.resource.model.GroupType;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the Groups API of {@link OktaSimServer}.
 */
class OktaGroupsTests {

	private static final OktaSimGroup OLD = new OktaSimGroup("00gsimphorgeold000x7", "phorge-users-old", List.of());

	private static final OktaSimGroup ADMINS = new OktaSimGroup("00gsimadmins000000x7", "Admins",
			List.of(OktaSimUsers.id(1)));

	private @Nullable OktaSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void listGroupsWhenSearchedByNameFindsTheGroup() {
		OktaSimServer server = start(30);
		GroupApi api = new GroupApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0));
		List<Group> groups = api.listGroups(null, null, null, null, null, "profile.name eq \"Admins\"", null, null);
		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(group.getId()).isEqualTo(ADMINS.id());
			assertThat(group.getType()).isEqualTo(GroupType.OKTA_GROUP);
			assertThat(group.getProfile().getName()).isEqualTo("Admins");
			assertThat(group.getObjectClass()).containsExactly("okta:user_group");
		});
	}

	@Test
	void listGroupsWhenSearchedByNameAlsoFindsLongerNamesAsOktaDocuments() {
		OktaSimServer server = start(30);
		GroupApi api = new GroupApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0));
		List<Group> groups = api.listGroups(null, null, null, null, null, "profile.name eq \"phorge-users\"", null,
				null);
		assertThat(groups).extracting((group) -> group.getProfile().getName())
			.containsExactlyInAnyOrder("phorge-users", "phorge-users-old");
		List<Group> exact = groups.stream()
			.filter((group) -> group.getProfile().getName().equals(OktaTestOrg.GROUP_NAME))
			.toList();
		assertThat(exact).singleElement().extracting(Group::getId).isEqualTo(OktaTestOrg.GROUP_ID);
	}

	@Test
	void listGroupsWhenQGivenMatchesNamePrefixWithoutPaging() throws Exception {
		OktaHttp http = new OktaHttp(start(3));
		assertThat(names(OktaHttp.json(http.get("/api/v1/groups?q=PHORGE")))).containsExactly("phorge-users-old",
				"phorge-users");
		HttpResponse<String> limited = http.get("/api/v1/groups?q=PHORGE&limit=1");
		assertThat(names(OktaHttp.json(limited))).containsExactly("phorge-users-old");
		assertThat(limited.headers().allValues("Link")).singleElement().asString().endsWith("rel=\"self\"");
	}

	@Test
	void listGroupsWhenLimitedPagesWithOneLinkHeaderPerRelation() throws Exception {
		OktaSimServer server = start(3);
		OktaHttp http = new OktaHttp(server);
		String filter = URLEncoder.encode("type eq \"OKTA_GROUP\"", StandardCharsets.UTF_8);
		HttpResponse<String> first = http.get("/api/v1/groups?limit=2&filter=" + filter);
		assertThat(ids(OktaHttp.json(first))).containsExactly(ADMINS.id(), OLD.id());
		String groups = server.baseUrl() + "/api/v1/groups";
		String encoded = "filter=type%20eq%20%22OKTA_GROUP%22";
		assertThat(first.headers().allValues("Link")).containsExactly(
				"<" + groups + "?limit=2&" + encoded + ">; rel=\"self\"",
				"<" + groups + "?after=" + OLD.id() + "&limit=2&" + encoded + ">; rel=\"next\"");
		HttpResponse<String> second = http.get("/api/v1/groups?after=" + OLD.id() + "&limit=2&filter=" + filter);
		assertThat(ids(OktaHttp.json(second))).containsExactly(OktaTestOrg.GROUP_ID);
		assertThat(second.headers().allValues("Link")).hasSize(1);
	}

	@Test
	void listGroupsServesOktaGroupShape() throws Exception {
		OktaSimServer server = start(30);
		JsonNode group = OktaHttp.json(new OktaHttp(server).get("/api/v1/groups?q=Admins")).get(0);
		assertThat(group.propertyNames()).containsExactly("id", "created", "lastUpdated", "lastMembershipUpdated",
				"objectClass", "type", "profile", "_links");
		assertThat(group.get("created").asString()).isEqualTo("2024-01-01T09:00:00.000Z");
		assertThat(group.get("lastMembershipUpdated").asString()).isEqualTo("2024-01-01T10:00:00.000Z");
		assertThat(group.get("profile").get("description").isNull()).isTrue();
		assertThat(group.get("_links").get("users").get("href").asString())
			.isEqualTo(server.baseUrl() + "/api/v1/groups/" + ADMINS.id() + "/users");
		assertThat(group.get("_links").get("logo").get(0).get("type").asString()).isEqualTo("image/png");
	}

	@Test
	void listGroupsWhenSearchUnreadableAnswers400() throws Exception {
		HttpResponse<String> response = new OktaHttp(start(3)).get("/api/v1/groups?search=profile.name%20eq");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(OktaHttp.json(response).get("errorCode").asString()).isEqualTo("E0000031");
	}

	@Test
	void listGroupUsersWhenMembersSpanPagesReadsEachOnce() {
		OktaSimServer server = start(3_750);
		ApiClient client = OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0);
		List<String> ids = new ArrayList<>();
		OktaSdk.all((after) -> new GroupApi(client).listGroupUsers(OktaTestOrg.GROUP_ID, after, null))
			.forEach((user) -> ids.add(user.getId()));
		assertThat(ids).hasSize(2_500).doesNotHaveDuplicates().isSorted();
		// the default page holds 1000 members
		assertThat(server.requestCounts()).containsEntry("/api/v1/groups", 3L);
	}

	@Test
	void listGroupUsersListsMembersWhateverTheirStatus() {
		OktaSimServer server = start(30);
		List<User> members = new GroupApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0))
			.listGroupUsers(OktaTestOrg.GROUP_ID, null, 5);
		assertThat(members).hasSize(5);
		List<User> all = OktaSdk.all((after) -> new GroupApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0))
			.listGroupUsers(OktaTestOrg.GROUP_ID, after, 7));
		assertThat(all).hasSize(20).extracting(User::getStatus).contains(UserStatus.DEPROVISIONED);
	}

	@Test
	void listGroupUsersWhenGroupUnknownAnswers404() {
		OktaSimServer server = start(3);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new GroupApi(OktaSdk.ssws(server, OktaTestOrg.TOKEN, 0)).listGroupUsers("00gnope", null,
					null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex.getResponseBody()).contains("\"errorCode\":\"E0000007\"",
					"Not found: Resource not found: 00gnope (UserGroup)"));
	}

	@Test
	void constructWhenGroupNamesUnknownUserThrowsBeforeListening() {
		OktaSimGroup stray = new OktaSimGroup("00gsimstray0000000x7", "stray", List.of("00unobody"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OktaSimServer(OktaTestOrg.org(3, OktaTestOrg.ALL_SCOPES, stray), Clock.systemUTC(),
					0))
			.withMessage("Okta group 00gsimstray0000000x7 names unknown user 00unobody");
	}

	private OktaSimServer start(int users) {
		this.server = new OktaSimServer(OktaTestOrg.org(users, OktaTestOrg.ALL_SCOPES, ADMINS, OLD),
				Clock.systemUTC(), 0);
		return this.server;
	}

	private static List<String> names(JsonNode groups) {
		List<String> names = new ArrayList<>();
		groups.forEach((group) -> names.add(group.get("profile").get("name").asString()));
		return names;
	}

	private static List<String> ids(JsonNode groups) {
		List<String> ids = new ArrayList<>();
		groups.forEach((group) -> ids.add(group.get("id").asString()));
		return ids;
	}

}
