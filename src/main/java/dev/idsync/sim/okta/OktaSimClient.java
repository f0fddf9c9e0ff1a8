package dev.idsync.sim.okta;

import java.security.PublicKey;
import java.util.Set;

/**
 * An OAuth 2.0 service app of the simulated org that authenticates with {@code private_key_jwt}.
 *
 * @param clientId the client id ({@code 0oa…}), the JWT's {@code iss} and {@code sub}
 * @param keyId the {@code kid} of its registered key
 * @param publicKey the registered public key (RSA) client assertions are verified with
 * @param scopes the {@code okta.*} scopes granted to the app
 */
public record OktaSimClient(String clientId, String keyId, PublicKey publicKey, Set<String> scopes) {

	public OktaSimClient {
		scopes = Set.copyOf(scopes);
	}

	@Override
	public String toString() {
		return "OktaSimClient[clientId=" + this.clientId + ", keyId=" + this.keyId + ", scopes=" + this.scopes + "]";
	}

}
