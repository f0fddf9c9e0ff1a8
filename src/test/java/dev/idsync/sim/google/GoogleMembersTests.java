package dev.idsync.sim.google;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.Member;
import com.google.api.services.directory.model.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the simulated {@code members.list}, read back with the real Directory API client.
 */
class GoogleMembersTests {

	private final GoogleSimServer server = new GoogleSimServer(GoogleSimCustomers.customer(), 0);

	private final Directory directory = GoogleSimCustomers.directory(this.server);

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void listMembersWhenMoreThanOnePageReadsEachMemberOnce() throws IOException {
		List<Member> members = listAll(GoogleSimCustomers.BIG_GROUP, 200);
		assertThat(members).hasSize(450).extracting(Member::getId).doesNotHaveDuplicates();
		assertThat(members.get(0).getId()).isEqualTo(GoogleSimUsers.id(1));
		assertThat(members.get(0).getEmail()).isEqualTo("user1@example.com");
		// 200 + 200 + 50
		assertThat(this.server.membersRequestCount()).isEqualTo(3);
	}

	@Test
	void listMembersWithoutMaxResultsServes200APage() throws IOException {
		Members page = this.directory.members().list(GoogleSimCustomers.BIG_GROUP).execute();
		assertThat(page.getMembers()).hasSize(200);
		assertThat(page.getNextPageToken()).isNotNull();
		assertThat(listAll(GoogleSimCustomers.BIG_GROUP, null)).hasSize(450);
	}

	@Test
	void listMembersFindsGroupByIdOrEmailInAnyCase() throws IOException {
		for (String key : List.of(GoogleSimCustomers.SMALL_GROUP_ID, "small-team@EXAMPLE.com")) {
			Members page = this.directory.members().list(key).setIncludeDerivedMembership(true).execute();
			assertThat(page.getMembers()).as(key).extracting(Member::getId)
				.containsExactly(GoogleSimUsers.id(11), GoogleSimUsers.id(2));
		}
	}

	@Test
	void listMembersLeavesDeletedUsersOutAndMarksSuspendedOnes() throws IOException {
		List<Member> members = this.directory.members().list(GoogleSimCustomers.SMALL_GROUP).execute().getMembers();
		assertThat(members).extracting(Member::getStatus).containsExactly("SUSPENDED", "ACTIVE");
		assertThat(members).allSatisfy((member) -> {
			assertThat(member.getKind()).isEqualTo("admin#directory#member");
			assertThat(member.getRole()).isEqualTo("MEMBER");
			assertThat(member.getType()).isEqualTo("USER");
			assertThat(member.getEtag()).startsWith("\"").endsWith("\"");
		});
	}

	@Test
	void listMembersServesDirectoryMembersShape() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.server.baseUrl() + "/admin/directory/v1/groups/"
					+ GoogleSimCustomers.SMALL_GROUP_ID + "/members?roles=OWNER"))
			.header("Authorization", "Bearer " + GoogleSimCustomers.TOKEN)
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		JsonNode page = JsonMapper.builder().build().readTree(response.body());
		assertThat(page.propertyNames()).containsExactly("kind", "etag", "members");
		assertThat(page.get("kind").asString()).isEqualTo("admin#directory#members");
		assertThat(page.get("members").get(1).propertyNames()).containsExactly("kind", "etag", "id", "email", "role",
				"type", "status");
	}

	@Test
	void listMembersWhenGroupEmptyOmitsMembersKey() throws IOException {
		GoogleSimCustomer customer = new GoogleSimCustomer(GoogleSimUsers.generate(3),
				List.of(new GoogleSimGroup("00empty", "empty@example.com", List.of())), "C01x", "ya29.t",
				GoogleSimKeys.account(Set.of()));
		try (GoogleSimServer server = new GoogleSimServer(customer, 0)) {
			Members page = GoogleSimCustomers.directory(server, (request) -> request.getHeaders()
				.setAuthorization("Bearer ya29.t")).members().list("empty@example.com").execute();
			assertThat(page.getMembers()).isNull();
			assertThat(page.getNextPageToken()).isNull();
			assertThat(page.getKind()).isEqualTo("admin#directory#members");
		}
	}

	@Test
	void listMembersWhenGroupUnknownAnswers404() {
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> this.directory.members().list("nobody@example.com").execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex.getDetails().getMessage()).isEqualTo("Resource Not Found: groupKey"))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound"));
	}

	@Test
	void listMembersWhenMaxResultsAbove200Answers400() {
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> this.directory.members().list(GoogleSimCustomers.BIG_GROUP).setMaxResults(201).execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.getDetails().getErrors().get(0).getLocation()).isEqualTo("maxResults"));
	}

	@Test
	void listMembersWhenPageTokenOfAnotherListingAnswers400() throws IOException {
		String usersToken = this.directory.users().list().setCustomer("my_customer").execute().getNextPageToken();
		String smallToken = this.directory.members().list(GoogleSimCustomers.SMALL_GROUP).setMaxResults(1).execute()
			.getNextPageToken();
		for (String token : List.of(usersToken, smallToken)) {
			assertThatExceptionOfType(GoogleJsonResponseException.class)
				.isThrownBy(() -> this.directory.members().list(GoogleSimCustomers.BIG_GROUP).setPageToken(token)
					.execute())
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
		}
	}

	private List<Member> listAll(String groupKey, Integer maxResults) throws IOException {
		List<Member> all = new ArrayList<>();
		String token = null;
		do {
			Members page = this.directory.members().list(groupKey).setMaxResults(maxResults).setPageToken(token)
				.execute();
			all.addAll(page.getMembers());
			token = page.getNextPageToken();
		}
		while (token != null);
		return all;
	}

}
