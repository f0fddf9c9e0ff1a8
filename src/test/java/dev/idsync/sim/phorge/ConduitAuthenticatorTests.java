package dev.idsync.sim.phorge;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConduitAuthenticatorTests {

	private static final String OWNER = GeneratedInstance.phid(1);

	private static final String CLI = "cli-aaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private static final String CLUSTER = "clr-aaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private final ConduitAuthenticator authenticator = new ConduitAuthenticator(directory(
			new PhorgeToken(OWNER, "cli", CLI, 1_000L, 1L, "arc"),
			new PhorgeToken(OWNER, "clr", CLUSTER, null, 1L, "cluster"),
			new PhorgeToken("PHID-USER-nobodynobodynobodyno", "api", "api-bbbbbbbbbbbbbbbbbbbbbbbbbbbb", null, 1L,
					"orphan")));

	@Test
	void authenticateWithCliTokenBeforeItExpiresFindsItsOwner() {
		assertThat(this.authenticator.authenticate(Map.of("token", CLI), 999L).phid())
			.isEqualTo(OWNER);
	}

	@Test
	void authenticateWhenExpiryIsNowReportsExpired() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> this.authenticator.authenticate(Map.of("token", CLI), 1_000L))
			.satisfies((error) -> assertThat(error.info()).endsWith("was previously valid, but has expired."));
	}

	@Test
	void authenticateWithClusterTokenFromOutsideTheClusterFails() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> this.authenticator.authenticate(Map.of("token", CLUSTER), 1L))
			.satisfies((error) -> assertThat(error.info()).startsWith("This request originates from outside"));
	}

	@Test
	void authenticateWhenTokenOwnerIsMissingFails() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> this.authenticator.authenticate(Map.of("token", "api-bbbbbbbbbbbbbbbbbbbbbbbbbbbb"), 1L))
			.satisfies((error) -> assertThat(error.info()).isEqualTo("API token is not associated with a valid user."));
	}

	@Test
	void authenticateWithSessionKeyFailsAsSessionsDoNotExist() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> this.authenticator.authenticate(Map.of("sessionKey", "abc"), 1L))
			.satisfies((error) -> {
				assertThat(error.code()).isEqualTo("ERR-INVALID-SESSION");
				assertThat(error.info()).isEqualTo("Session key is invalid.");
			});
	}

	@Test
	void errorMessagesNeverCarryTheTokenInTheExceptionMessage() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> this.authenticator.authenticate(Map.of("token", "api-cccccccccccccccccccccccccccc"), 1L))
			.withMessage("ERR-INVALID-AUTH");
	}

	private static PhorgeDirectory directory(PhorgeToken... tokens) {
		PhorgeUser owner = new PhorgeUser(1, OWNER, "owner", "Owner", false, false, false, false, true, true, false,
				1L, 1L, "file/data/owner.png");
		return new InMemoryPhorgeDirectory(List.of(owner), List.of(), List.of(tokens), Set.of());
	}

}
