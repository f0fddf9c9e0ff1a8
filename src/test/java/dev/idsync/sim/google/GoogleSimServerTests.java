package dev.idsync.sim.google;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.User;
import com.google.api.services.directory.model.Users;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link GoogleSimServer}, read back with the real Directory API client where it can show the behaviour.
 */
class GoogleSimServerTests {

	private static final String TOKEN = "ya29.sim-token";

	private static final String CUSTOMER = "C01simcust";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private @Nullable GoogleSimServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void listUsersWhenMoreThanOnePageFollowsPageTokens() throws IOException {
		List<GoogleSimUser> users = GoogleSimUsers.generate(1234);
		GoogleSimServer server = start(users);
		Directory directory = directory(server, TOKEN);
		List<User> listed = listAll(directory, null);
		List<User> deleted = listAll(directory, "true");
		List<String> ids = new ArrayList<>();
		listed.forEach((user) -> ids.add(user.getId()));
		deleted.forEach((user) -> ids.add(user.getId()));
		assertThat(ids).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(users.stream().map(GoogleSimUser::id).toList());
		// 1,209 users in pages of 500, plus one page of 25 deleted users
		assertThat(server.requestCount()).isEqualTo(4);
	}

	@Test
	void listUsersWhenShowDeletedListsOnlyDeletedUsers() throws IOException {
		GoogleSimServer server = start(GoogleSimUsers.generate(200));
		List<User> deleted = listAll(directory(server, TOKEN), "true");
		assertThat(deleted).extracting(User::getId)
			.containsExactlyInAnyOrder(GoogleSimUsers.id(0), GoogleSimUsers.id(50), GoogleSimUsers.id(100),
					GoogleSimUsers.id(150));
		assertThat(deleted).allSatisfy((user) -> assertThat(user.getDeletionTime()).isNotNull());
		assertThat(listAll(directory(server, TOKEN), "false")).hasSize(196)
			.allSatisfy((user) -> assertThat(user.getDeletionTime()).isNull());
	}

	@Test
	void listUsersWhenNeverLoggedInServesEpoch() throws IOException {
		GoogleSimServer server = start(GoogleSimUsers.generate(20));
		Map<String, User> byId = byId(listAll(directory(server, TOKEN), null));
		assertThat(byId.get(GoogleSimUsers.id(9)).getLastLoginTime().getValue()).isZero();
		assertThat(byId.get(GoogleSimUsers.id(9)).getAgreedToTerms()).isFalse();
		User loggedIn = byId.get(GoogleSimUsers.id(8));
		assertThat(Instant.ofEpochMilli(loggedIn.getLastLoginTime().getValue()))
			.isEqualTo(GoogleSimUsers.user(8).lastLoginTime());
	}

	@Test
	void listUsersServesEmailsAsListOfMapsAndSuspension() throws IOException {
		GoogleSimServer server = start(GoogleSimUsers.generate(20));
		Map<String, User> byId = byId(listAll(directory(server, TOKEN), null));
		User user = byId.get(GoogleSimUsers.id(5));
		assertThat(user.getEmails()).isInstanceOf(List.class);
		List<?> emails = (List<?>) user.getEmails();
		assertThat(emails).hasSize(2).allSatisfy((email) -> assertThat(email).isInstanceOf(Map.class));
		assertThat(emails.get(0)).isEqualTo(Map.of("address", "user5@example.com", "primary", true));
		assertThat(emails.get(1)).isEqualTo(Map.of("address", "u5@example.com"));
		assertThat(user.getAliases()).containsExactly("u5@example.com");
		assertThat(user.getCustomerId()).isEqualTo(CUSTOMER);
		User suspended = byId.get(GoogleSimUsers.id(11));
		assertThat(suspended.getSuspended()).isTrue();
		assertThat(suspended.getSuspensionReason()).isEqualTo("ADMIN");
		assertThat(suspended.getAliases()).isNull();
		assertThat(suspended.getPrimaryEmail()).isEqualTo("user11@example.org");
		assertThat(suspended.getName().getFullName()).isEqualTo("Given11 Family989");
	}

	@Test
	void listUsersWhenTokenWrongThrows401() {
		GoogleSimServer server = start(GoogleSimUsers.generate(3));
		HttpRequestInitializer wrongToken = (request) -> request.getHeaders().setAuthorization("Bearer ya29.wrong");
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> directory(server, wrongToken).users().list().setCustomer("my_customer").execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason()).isEqualTo("authError"))
			.satisfies((ex) -> assertThat(ex.getHeaders().getAuthenticate()).contains("error=\"invalid_token\""));
	}

	@Test
	void listUsersWhenTokenWrongAndCredentialsCannotRefreshFailsInGoogleAuth() {
		// Google's invalid_token challenge makes HttpCredentialsAdapter refresh, which a bare AccessToken cannot.
		GoogleSimServer server = start(GoogleSimUsers.generate(3));
		assertThatIllegalStateException()
			.isThrownBy(() -> directory(server, "ya29.wrong").users().list().setCustomer("my_customer").execute())
			.withMessageContaining("does not support refreshing the access token");
	}

	@Test
	void listUsersWhenAuthorizationMissingAnswers401Required() throws Exception {
		GoogleSimServer server = start(GoogleSimUsers.generate(3));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(server.baseUrl() + "/admin/directory/v1/users?customer=my_customer"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer realm=\"https://accounts.google.com/\"");
		JsonNode error = this.mapper.readTree(response.body()).get("error");
		assertThat(error.get("status").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(error.get("errors").get(0).get("reason").asString()).isEqualTo("required");
	}

	@Test
	void listUsersWhenNothingMatchesOmitsUsersKey() throws Exception {
		GoogleSimServer server = start(List.of(GoogleSimUsers.user(1), GoogleSimUsers.user(2)));
		Users page = directory(server, TOKEN).users()
			.list()
			.setCustomer("my_customer")
			.setShowDeleted("true")
			.execute();
		assertThat(page.getUsers()).isNull();
		assertThat(page.getNextPageToken()).isNull();
		assertThat(page.getKind()).isEqualTo("admin#directory#users");
		assertThat(get(server, "/admin/directory/v1/users?customer=my_customer&showDeleted=true", TOKEN).body())
			.doesNotContain("\"users\"");
	}

	@Test
	void listUsersWhenOrderedByEmailKeepsOrderAcrossPages() throws IOException {
		GoogleSimServer server = start(GoogleSimUsers.generate(300));
		List<String> emails = new ArrayList<>();
		Directory directory = directory(server, TOKEN);
		String token = null;
		do {
			Users page = directory.users()
				.list()
				.setCustomer(CUSTOMER)
				.setMaxResults(100)
				.setOrderBy("email")
				.setPageToken(token)
				.execute();
			page.getUsers().forEach((user) -> emails.add(user.getPrimaryEmail()));
			token = page.getNextPageToken();
		}
		while (token != null);
		assertThat(emails).hasSize(294).doesNotHaveDuplicates().isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
	}

	@Test
	void listUsersWhenDomainGivenListsThatDomainOnly() throws IOException {
		GoogleSimServer server = start(GoogleSimUsers.generate(40));
		Users page = directory(server, TOKEN).users().list().setDomain("example.org").execute();
		assertThat(page.getUsers()).hasSize(10)
			.allSatisfy((user) -> assertThat(user.getPrimaryEmail()).endsWith("@example.org"));
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> directory(server, TOKEN).users().list().setDomain("elsewhere.net").execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403));
	}

	@Test
	void listUsersWhenNeitherCustomerNorDomainAnswers400() {
		GoogleSimServer server = start(GoogleSimUsers.generate(3));
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> directory(server, TOKEN).users().list().execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason()).isEqualTo("badRequest"));
	}

	@Test
	void listUsersWhenMaxResultsOutOfRangeAnswers400Invalid() throws Exception {
		GoogleSimServer server = start(GoogleSimUsers.generate(3));
		for (String maxResults : List.of("0", "501", "many")) {
			HttpResponse<String> response = get(server,
					"/admin/directory/v1/users?customer=my_customer&maxResults=" + maxResults, TOKEN);
			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode error = this.mapper.readTree(response.body()).get("error");
			assertThat(error.get("code").asInt()).isEqualTo(400);
			assertThat(error.get("errors").get(0).get("reason").asString()).isEqualTo("invalid");
			assertThat(error.get("errors").get(0).get("location").asString()).isEqualTo("maxResults");
		}
	}

	@Test
	void listUsersWhenPageTokenUnknownAnswers400() throws IOException {
		GoogleSimServer server = start(GoogleSimUsers.generate(30));
		Directory directory = directory(server, TOKEN);
		String foreign = directory.users().list().setCustomer("my_customer").setMaxResults(10).execute()
			.getNextPageToken();
		for (String token : List.of("Q0FFU0FCb0VDZ0lJQVE", "!!", foreign)) {
			Directory.Users.List list = directory.users().list().setCustomer("my_customer").setPageToken(token);
			if (token.equals(foreign)) {
				list.setOrderBy("email");
			}
			assertThatExceptionOfType(GoogleJsonResponseException.class).as(token)
				.isThrownBy(list::execute)
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
		}
	}

	@Test
	void listUsersServesDirectoryUserShape() throws Exception {
		GoogleSimServer server = start(List.of(GoogleSimUsers.user(0), GoogleSimUsers.user(5)));
		JsonNode page = this.mapper
			.readTree(get(server, "/admin/directory/v1/users?customer=my_customer", TOKEN).body());
		assertThat(page.propertyNames()).containsExactly("kind", "etag", "users");
		assertThat(page.get("etag").asString()).startsWith("\"").endsWith("\"").contains("/");
		JsonNode user = page.get("users").get(0);
		assertThat(user.get("kind").asString()).isEqualTo("admin#directory#user");
		assertThat(user.get("creationTime").asString()).isEqualTo("2022-03-01T13:00:00.000Z");
		assertThat(user.has("deletionTime")).isFalse();
		assertThat(user.has("suspensionReason")).isFalse();
		assertThat(user.propertyNames()).contains("id", "primaryEmail", "name", "isAdmin", "isDelegatedAdmin",
				"lastLoginTime", "agreedToTerms", "suspended", "archived", "emails", "aliases", "customerId",
				"orgUnitPath", "isMailboxSetup", "isEnrolledIn2Sv", "isEnforcedIn2Sv");
		JsonNode deleted = this.mapper
			.readTree(get(server, "/admin/directory/v1/users?customer=my_customer&showDeleted=true", TOKEN).body())
			.get("users")
			.get(0);
		assertThat(deleted.get("deletionTime").asString()).isEqualTo("2022-03-31T08:00:00.000Z");
		assertThat(deleted.get("lastLoginTime").asString()).isEqualTo("1970-01-01T00:00:00.000Z");
	}

	private GoogleSimServer start(List<GoogleSimUser> users) {
		this.server = new GoogleSimServer(users, TOKEN, CUSTOMER, 0);
		return this.server;
	}

	private HttpResponse<String> get(GoogleSimServer server, String pathAndQuery, String token)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Directory directory(GoogleSimServer server, String token) {
		AccessToken accessToken = new AccessToken(token, Date.from(Instant.parse("2100-01-01T00:00:00Z")));
		return directory(server, new HttpCredentialsAdapter(GoogleCredentials.create(accessToken)));
	}

	private static Directory directory(GoogleSimServer server, HttpRequestInitializer credentials) {
		return new Directory.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), credentials)
			.setApplicationName("idsync-test")
			.setRootUrl(server.baseUrl() + "/")
			.build();
	}

	private static List<User> listAll(Directory directory, @Nullable String showDeleted) throws IOException {
		List<User> all = new ArrayList<>();
		String token = null;
		do {
			Directory.Users.List list = directory.users().list().setCustomer("my_customer").setMaxResults(500);
			if (showDeleted != null) {
				list.setShowDeleted(showDeleted);
			}
			Users page = list.setPageToken(token).execute();
			if (page.getUsers() != null) {
				all.addAll(page.getUsers());
			}
			token = page.getNextPageToken();
		}
		while (token != null);
		return all;
	}

	private static Map<String, User> byId(List<User> users) {
		return users.stream().collect(Collectors.toMap(User::getId, Function.identity()));
	}

}
