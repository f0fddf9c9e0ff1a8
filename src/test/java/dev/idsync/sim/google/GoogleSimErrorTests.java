package dev.idsync.sim.google;

import java.io.IOException;
import java.util.List;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.directory.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the rate-limit and permission errors a test can make the simulated Directory API answer.
 */
class GoogleSimErrorTests {

	private final GoogleSimServer server = new GoogleSimServer(GoogleSimCustomers.customer(), 0);

	private final Directory directory = GoogleSimCustomers.directory(this.server);

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void failNextAnswersEachErrorOnceInGoogleShapeThenRecovers() throws IOException {
		this.server.failNext(GoogleSimError.values());
		assertError(403, "User Rate Limit Exceeded", "userRateLimitExceeded", "usageLimits", "PERMISSION_DENIED");
		assertError(403, "Quota Exceeded", "quotaExceeded", "usageLimits", "PERMISSION_DENIED");
		assertError(429, "Rate Limit Exceeded", "rateLimitExceeded", "usageLimits", "RESOURCE_EXHAUSTED");
		assertError(403, "Not Authorized to access this resource/api", "forbidden", "global", "PERMISSION_DENIED");
		assertError(500, "Internal error encountered.", "backendError", "global", "INTERNAL");
		assertThat(this.directory.users().list().setCustomer("my_customer").execute().getUsers()).hasSize(100);
		assertThat(this.server.usersRequestCount()).isEqualTo(6);
	}

	@Test
	void failNextSparesUnauthenticatedRequestsAndAppliesToMembers() throws IOException {
		this.server.failNext(GoogleSimError.RATE_LIMIT_EXCEEDED);
		Directory anonymous = GoogleSimCustomers.directory(this.server, (request) -> {
		});
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> anonymous.users().list().setCustomer("my_customer").execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> this.directory.members().list(GoogleSimCustomers.SMALL_GROUP).execute())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(429));
		assertThat(this.directory.members().list(GoogleSimCustomers.SMALL_GROUP).execute().getMembers()).hasSize(2);
	}

	private void assertError(int status, String message, String reason, String domain, String state) {
		assertThatExceptionOfType(GoogleJsonResponseException.class)
			.isThrownBy(() -> this.directory.users().list().setCustomer("my_customer").execute())
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(status);
				GoogleJsonError details = ex.getDetails();
				assertThat(details.getCode()).isEqualTo(status);
				assertThat(details.getMessage()).isEqualTo(message);
				assertThat(details.get("status")).isEqualTo(state);
				assertThat(details.getErrors()).hasSize(1);
				GoogleJsonError.ErrorInfo error = details.getErrors().get(0);
				assertThat(List.of(error.getMessage(), error.getReason(), error.getDomain()))
					.containsExactly(message, reason, domain);
			});
	}

}
