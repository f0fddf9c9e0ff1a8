package dev.idsync.sim.google;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.Members;
import com.google.api.services.directory.model.Users;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.idsync.sim.google.GoogleSimCustomers.MEMBER_READONLY;
import static dev.idsync.sim.google.GoogleSimCustomers.USER_READONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for domain-wide delegation: google-auth's {@code ServiceAccountCredentials} against the simulated token
 * endpoint, and the scopes and admin rights of the tokens it grants.
 */
class GoogleDelegationTests {

	private static final String USER_FULL = "https://www.googleapis.com/auth/admin.directory.user";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final GoogleSimServer server = new GoogleSimServer(GoogleSimCustomers.customer(), 0);

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void listWhenDelegatedAdminListsUsersAndMembersWithOneToken() throws IOException {
		Directory directory = directory(credentials(GoogleSimKeys.TRUSTED, GoogleSimKeys.ADMIN, USER_READONLY,
				MEMBER_READONLY));
		Users users = directory.users().list().setCustomer("my_customer").setMaxResults(10).execute();
		Members members = directory.members().list(GoogleSimCustomers.SMALL_GROUP).execute();
		assertThat(users.getUsers()).hasSize(10);
		assertThat(members.getMembers()).extracting("id").containsExactly(GoogleSimUsers.id(11), GoogleSimUsers.id(2));
		assertThat(this.server.tokenRequestCount()).isOne();
		assertThat(this.server.usersRequestCount()).isOne();
		assertThat(this.server.membersRequestCount()).isOne();
		assertThat(this.server.requestCount()).isEqualTo(3);
	}

	@Test
	void listWhenCredentialsFromJsonKeyFileListsUsersAndMembers(@TempDir Path dir) throws IOException {
		Path keyFile = GoogleSimKeys.keyFile(dir, this.server.tokenUri());
		GoogleCredentials credentials;
		try (InputStream in = Files.newInputStream(keyFile)) {
			credentials = ServiceAccountCredentials.fromStream(in)
				.createScoped(List.of(USER_READONLY, MEMBER_READONLY))
				.createDelegated(GoogleSimKeys.ADMIN);
		}
		Directory directory = directory(credentials);
		assertThat(directory.users().list().setCustomer("my_customer").execute().getUsers()).hasSize(100);
		assertThat(directory.members().list(GoogleSimCustomers.BIG_GROUP_ID).execute().getMembers()).hasSize(200);
		assertThat(this.server.tokenRequestCount()).isOne();
	}

	@Test
	void tokenWhenScopeNotDelegatedFailsInGoogleAuthWith401WithoutBody() {
		Directory directory = directory(credentials(GoogleSimKeys.TRUSTED, GoogleSimKeys.ADMIN, USER_FULL));
		// google-auth throws its package-private GoogleAuthException (an IOException). The JDK's HttpURLConnection
		// drops the body of a 401 to a streamed POST, so the unauthorized_client JSON never reaches the client.
		assertThatIOException().isThrownBy(() -> directory.users().list().setCustomer("my_customer").execute())
			.satisfies((ex) -> assertThat(ex.getClass().getName())
				.isEqualTo("com.google.auth.oauth2.GoogleAuthException"))
			.withMessageStartingWith("Error getting access token for service account: 401 Unauthorized\nPOST "
					+ this.server.tokenUri())
			.withMessageEndingWith(", iss: " + GoogleSimKeys.CLIENT_EMAIL)
			.withCauseInstanceOf(HttpResponseException.class)
			.satisfies((ex) -> assertThat(((HttpResponseException) ex.getCause()).getStatusCode()).isEqualTo(401))
			.satisfies((ex) -> assertThat(((HttpResponseException) ex.getCause()).getContent()).isNull());
		assertThat(this.server.usersRequestCount()).isZero();
	}

	@Test
	void tokenWhenScopeNotDelegatedAnswers401UnauthorizedClient() throws Exception {
		HttpResponse<String> response = token(claims(GoogleSimKeys.ADMIN, USER_READONLY + " " + USER_FULL),
				GoogleSimKeys.TRUSTED);
		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode body = this.mapper.readTree(response.body());
		assertThat(body.get("error").asString()).isEqualTo("unauthorized_client");
		assertThat(body.get("error_description").asString()).isEqualTo("Client is unauthorized to retrieve access"
				+ " tokens using this method, or client not authorized for any of the scopes requested.");
	}

	@Test
	void tokenWhenSubjectUnknownFailsInGoogleAuthWithInvalidGrant() {
		Directory directory = directory(credentials(GoogleSimKeys.TRUSTED, "ghost@example.com", USER_READONLY));
		assertThatIOException().isThrownBy(() -> directory.users().list().setCustomer("my_customer").execute())
			.withMessageStartingWith("Error getting access token for service account: 400 Bad Request\nPOST ")
			.withMessageContaining("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid email or User ID\"}")
			.withCauseInstanceOf(HttpResponseException.class)
			.satisfies((ex) -> assertThat(((HttpResponseException) ex.getCause()).getStatusCode()).isEqualTo(400));
	}

	@Test
	void tokenWhenSubjectSuspendedOrDeletedAnswersInvalidGrant() throws Exception {
		for (String subject : List.of("user11@example.org", "user50@example.com")) {
			HttpResponse<String> response = token(claims(subject, USER_READONLY), GoogleSimKeys.TRUSTED);
			assertThat(response.statusCode()).as(subject).isEqualTo(400);
			assertThat(response.body()).as(subject).contains("Invalid email or User ID");
		}
	}

	@Test
	void tokenWhenSignedByAnotherKeyFailsInGoogleAuthWithInvalidSignature() {
		Directory directory = directory(credentials(GoogleSimKeys.STRANGER, GoogleSimKeys.ADMIN, USER_READONLY));
		assertThatIOException().isThrownBy(() -> directory.users().list().setCustomer("my_customer").execute())
			.withMessageStartingWith("Error getting access token for service account: 400 Bad Request\nPOST ")
			.withMessageContaining("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
	}

	@Test
	void tokenWhenAssertionTamperedWithAnswersInvalidSignature() throws Exception {
		String jwt = GoogleSimKeys.jwt(claims(GoogleSimKeys.ADMIN, USER_READONLY), GoogleSimKeys.KEY_ID,
				GoogleSimKeys.TRUSTED.getPrivate());
		String[] parts = jwt.split("\\.");
		String forged = GoogleSimKeys.jwt(claims("user1@example.com", USER_READONLY), GoogleSimKeys.KEY_ID,
				GoogleSimKeys.STRANGER.getPrivate());
		for (String assertion : List.of(parts[0] + "." + forged.split("\\.")[1] + "." + parts[2], "not-a-jwt",
				GoogleSimKeys.jwt(claims(GoogleSimKeys.ADMIN, USER_READONLY), "other-kid",
						GoogleSimKeys.TRUSTED.getPrivate()))) {
			HttpResponse<String> response = post("grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer")
					+ "&assertion=" + encode(assertion));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("\"Invalid JWT Signature.\"");
		}
	}

	@Test
	void tokenAcceptsOwnTokenUriAsAudienceAndAnswersGoogleShape() throws Exception {
		Map<String, Object> claims = claims(GoogleSimKeys.ADMIN, USER_READONLY);
		claims.put("aud", this.server.tokenUri());
		HttpResponse<String> response = token(claims, GoogleSimKeys.TRUSTED);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.mapper.readTree(response.body());
		assertThat(body.propertyNames()).containsExactly("access_token", "expires_in", "token_type");
		assertThat(body.get("access_token").asString()).startsWith("ya29.").hasSizeGreaterThan(40);
		assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(get("/admin/directory/v1/users?customer=my_customer&maxResults=1",
				body.get("access_token").asString())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWhenAssertionInvalidAnswersGoogleErrors() throws Exception {
		Map<String, Object> foreignAudience = claims(GoogleSimKeys.ADMIN, USER_READONLY);
		foreignAudience.put("aud", "https://accounts.google.com/o/oauth2/token");
		assertError(token(foreignAudience, GoogleSimKeys.TRUSTED), 400, "invalid_grant",
				"Invalid JWT: Failed audience check. The right audience is https://oauth2.googleapis.com/token");
		Map<String, Object> expired = claims(GoogleSimKeys.ADMIN, USER_READONLY);
		expired.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
		expired.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
		assertError(token(expired, GoogleSimKeys.TRUSTED), 400, "invalid_grant",
				"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check"
						+ " your iat and exp values in the JWT claim.");
		Map<String, Object> tooLong = claims(GoogleSimKeys.ADMIN, USER_READONLY);
		tooLong.put("exp", Instant.now().plusSeconds(7200).getEpochSecond());
		assertError(token(tooLong, GoogleSimKeys.TRUSTED), 400, "invalid_grant", null);
		Map<String, Object> stranger = claims(GoogleSimKeys.ADMIN, USER_READONLY);
		stranger.put("iss", "someone@elsewhere.iam.gserviceaccount.com");
		assertError(token(stranger, GoogleSimKeys.TRUSTED), 400, "invalid_grant", "Invalid grant: account not found");
		assertError(token(claims(GoogleSimKeys.ADMIN, ""), GoogleSimKeys.TRUSTED), 400, "invalid_scope",
				"Empty or missing scope not allowed.");
		assertError(post("grant_type=client_credentials"), 400, "unsupported_grant_type",
				"Invalid grant_type: client_credentials");
		assertError(post("grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer")), 400,
				"invalid_request", "Missing required parameter: assertion");
		assertThat(this.server.tokenRequestCount()).isEqualTo(7);
	}

	@Test
	void listWhenSubjectIsNoAdminAnswers403Forbidden() throws Exception {
		Directory directory = directory(credentials(GoogleSimKeys.TRUSTED, "user2@example.com", USER_READONLY));
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> directory.users().list().setCustomer("my_customer").execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403))
			.satisfies((ex) -> assertThat(ex.getDetails().getMessage())
				.isEqualTo("Not Authorized to access this resource/api"))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason()).isEqualTo("forbidden"));
		// another admin of the customer may be impersonated too
		Directory admin = directory(credentials(GoogleSimKeys.TRUSTED, "USER1@example.com", USER_READONLY));
		assertThat(admin.users().list().setDomain("example.com").execute().getUsers()).isNotEmpty();
	}

	@Test
	void listWhenTokenWithoutSubjectAnswers403Forbidden() throws Exception {
		Map<String, Object> claims = claims(null, USER_READONLY + " " + USER_FULL);
		String token = this.mapper.readTree(token(claims, GoogleSimKeys.TRUSTED).body()).get("access_token").asString();
		HttpResponse<String> response = get("/admin/directory/v1/users?customer=my_customer", token);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"reason\":\"forbidden\"");
	}

	@Test
	void listMembersWhenTokenLacksScopeAnswers403InsufficientPermissions() throws IOException {
		Directory directory = directory(credentials(GoogleSimKeys.TRUSTED, GoogleSimKeys.ADMIN, USER_READONLY));
		assertThat(directory.users().list().setCustomer("my_customer").execute().getUsers()).isNotEmpty();
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> directory.members().list(GoogleSimCustomers.BIG_GROUP).execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403))
			.satisfies((ex) -> assertThat(ex.getDetails().getMessage())
				.isEqualTo("Request had insufficient authentication scopes."))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason())
				.isEqualTo("insufficientPermissions"))
			.satisfies((ex) -> assertThat(ex.getDetails().get("status")).isEqualTo("PERMISSION_DENIED"))
			.satisfies((ex) -> assertThat(ex.getHeaders().getAuthenticate())
				.startsWith("Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\"")
				.contains(MEMBER_READONLY));
		// insufficient_scope is no invalid_token: HttpCredentialsAdapter does not fetch another token
		assertThat(this.server.tokenRequestCount()).isOne();
	}

	@Test
	void listMembersWhenGroupReadonlyScopeDelegatedSucceeds() throws IOException {
		String groupReadonly = "https://www.googleapis.com/auth/admin.directory.group.readonly";
		try (GoogleSimServer server = new GoogleSimServer(GoogleSimCustomers.customer(Set.of(groupReadonly)), 0)) {
			GoogleCredentials credentials = builder(GoogleSimKeys.TRUSTED, server).createScoped(List.of(groupReadonly))
				.createDelegated(GoogleSimKeys.ADMIN);
			Directory directory = GoogleSimCustomers.directory(server, new HttpCredentialsAdapter(credentials));
			assertThat(directory.members().list(GoogleSimCustomers.SMALL_GROUP).execute().getMembers()).hasSize(2);
			assertThatExceptionOfType(GoogleJsonResponseException.class)
				.isThrownBy(() -> directory.users().list().setCustomer("my_customer").execute())
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403));
		}
	}

	@Test
	void tokenWhenLegacyConstructorUsedServiceAccountIsUnusable() throws Exception {
		try (GoogleSimServer server = new GoogleSimServer(GoogleSimUsers.generate(3), "ya29.t", "C01x", 0)) {
			Directory directory = GoogleSimCustomers.directory(server, new HttpCredentialsAdapter(
					builder(GoogleSimKeys.TRUSTED, server).createScoped(List.of(USER_READONLY))
						.createDelegated(GoogleSimKeys.ADMIN)));
			assertThatIOException().isThrownBy(() -> directory.users().list().setCustomer("my_customer").execute())
				.withMessageContaining("invalid_grant");
		}
	}

	private GoogleCredentials credentials(KeyPair keys, String subject, String... scopes) {
		return builder(keys, this.server).createScoped(List.of(scopes)).createDelegated(subject);
	}

	private static ServiceAccountCredentials builder(KeyPair keys, GoogleSimServer server) {
		return ServiceAccountCredentials.newBuilder()
			.setClientEmail(GoogleSimKeys.CLIENT_EMAIL)
			.setClientId(GoogleSimKeys.CLIENT_ID)
			.setPrivateKey(keys.getPrivate())
			.setPrivateKeyId(GoogleSimKeys.KEY_ID)
			.setTokenServerUri(URI.create(server.baseUrl() + "/token"))
			.build();
	}

	private Directory directory(GoogleCredentials credentials) {
		return GoogleSimCustomers.directory(this.server, new HttpCredentialsAdapter(credentials));
	}

	/** The claims google-auth puts into its assertion. */
	private static Map<String, Object> claims(@Nullable String subject, String scope) {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = new HashMap<>();
		claims.put("iss", GoogleSimKeys.CLIENT_EMAIL);
		claims.put("aud", "https://oauth2.googleapis.com/token");
		claims.put("iat", now);
		claims.put("exp", now + 3600);
		claims.put("scope", scope);
		if (subject != null) {
			claims.put("sub", subject);
		}
		return claims;
	}

	private HttpResponse<String> token(Map<String, Object> claims, KeyPair keys) throws Exception {
		String jwt = GoogleSimKeys.jwt(claims, GoogleSimKeys.KEY_ID, keys.getPrivate());
		return post("grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + jwt);
	}

	private HttpResponse<String> post(String form) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + pathAndQuery))
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void assertError(HttpResponse<String> response, int status, String error, @Nullable String description) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = this.mapper.readTree(response.body());
		assertThat(body.get("error").asString()).isEqualTo(error);
		if (description != null) {
			assertThat(body.get("error_description").asString()).isEqualTo(description);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
