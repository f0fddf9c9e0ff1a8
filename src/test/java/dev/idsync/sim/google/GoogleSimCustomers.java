package dev.idsync.sim.google;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.directory.Directory;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;

/**
 * Simulated Google Workspace customers for tests, and the real Directory client pointed at their server.
 */
final class GoogleSimCustomers {

	static final String TOKEN = "ya29.sim-token";

	static final String CUSTOMER = "C01simcust";

	static final String USER_READONLY = "https://www.googleapis.com/auth/admin.directory.user.readonly";

	static final String MEMBER_READONLY = "https://www.googleapis.com/auth/admin.directory.group.member.readonly";

	/** A group of 450 live users (every user from the 1st, deleted ones left out). */
	static final String BIG_GROUP = "everyone@example.com";

	static final String BIG_GROUP_ID = "03x5dd5h1ab2c3d";

	/** A group of users 0 (deleted), 11 (suspended) and 2, in that order. */
	static final String SMALL_GROUP = "Small-Team@example.com";

	static final String SMALL_GROUP_ID = "01ci93xb3p7q8r9";

	private GoogleSimCustomers() {
	}

	/** 600 users (see {@link GoogleSimUsers}), two groups, and the service account delegated {@code scopes}. */
	static GoogleSimCustomer customer(Set<String> scopes) {
		List<GoogleSimUser> users = GoogleSimUsers.generate(600);
		List<String> everyone = new ArrayList<>();
		users.stream().skip(1).filter((user) -> !user.deleted()).limit(450).forEach((user) -> everyone.add(user.id()));
		List<GoogleSimGroup> groups = List.of(new GoogleSimGroup(BIG_GROUP_ID, BIG_GROUP, everyone),
				new GoogleSimGroup(SMALL_GROUP_ID, SMALL_GROUP,
						List.of(GoogleSimUsers.id(0), GoogleSimUsers.id(11), GoogleSimUsers.id(2))));
		return new GoogleSimCustomer(users, groups, CUSTOMER, TOKEN, GoogleSimKeys.account(scopes));
	}

	/** The customer whose service account was delegated the user and member read-only scopes. */
	static GoogleSimCustomer customer() {
		return customer(Set.of(USER_READONLY, MEMBER_READONLY));
	}

	/** The Directory client of the server's customer, sending the static token. */
	static Directory directory(GoogleSimServer server) {
		AccessToken accessToken = new AccessToken(TOKEN, Date.from(Instant.parse("2100-01-01T00:00:00Z")));
		return directory(server, new HttpCredentialsAdapter(GoogleCredentials.create(accessToken)));
	}

	/** The Directory client of the server's customer, authenticating with {@code credentials}. */
	static Directory directory(GoogleSimServer server, HttpRequestInitializer credentials) {
		return new Directory.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), credentials)
			.setApplicationName("idsync-test")
			.setRootUrl(server.baseUrl() + "/")
			.build();
	}

}
