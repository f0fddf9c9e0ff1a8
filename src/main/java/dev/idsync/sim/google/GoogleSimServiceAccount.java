package dev.idsync.sim.google;

import java.security.PublicKey;
import java.util.Set;

/**
 * A service account with domain-wide delegation, as the simulated customer's admin console authorised it.
 *
 * @param clientEmail the account's email, the assertion's {@code iss}
 * @param clientId its numeric client id, what domain-wide delegation is granted to
 * @param keyId the {@code kid} of its key
 * @param publicKey the key assertions are verified with
 * @param subject the admin it may impersonate (the assertion's {@code sub})
 * @param scopes the scopes delegated to it
 */
public record GoogleSimServiceAccount(String clientEmail, String clientId, String keyId, PublicKey publicKey,
		String subject, Set<String> scopes) {

	public GoogleSimServiceAccount {
		scopes = Set.copyOf(scopes);
	}

	@Override
	public String toString() {
		return "GoogleSimServiceAccount[clientEmail=" + this.clientEmail + ", subject=" + this.subject + ", scopes="
				+ this.scopes + "]";
	}

}
