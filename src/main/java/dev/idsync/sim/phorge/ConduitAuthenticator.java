package dev.idsync.sim.phorge;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds the caller of a call from its metadata, as {@code PhabricatorConduitAPIController::authenticateUser()} does
 * for clients outside the cluster. Only API tokens can succeed here: the simulator holds no OAuth tokens, Conduit
 * certificates or sessions, so those paths always fail with Phorge's messages. Error texts echo the presented token,
 * exactly like Phorge's.
 */
final class ConduitAuthenticator {

	private static final List<String> TOKEN_TYPES = List.of("api", "cli", "clr");

	private final PhorgeDirectory directory;

	ConduitAuthenticator(PhorgeDirectory directory) {
		this.directory = directory;
	}

	/** The caller, or a {@link ConduitError} saying why there is none. */
	PhorgeUser authenticate(Map<String, @Nullable Object> metadata, long now) {
		String token = PhpValues.string(metadata.get("token"));
		if (!token.isEmpty()) {
			return byToken(token, now);
		}
		if (PhpValues.truthy(metadata.get("access_token"))) {
			throw invalidAuth("Access token does not exist.");
		}
		if (metadata.get("authUser") != null) {
			throw invalidAuth("Authentication is invalid.");
		}
		if (!PhpValues.truthy(metadata.get("sessionKey"))) {
			throw new ConduitError("ERR-INVALID-SESSION", "Session key is not present.");
		}
		throw new ConduitError("ERR-INVALID-SESSION", "Session key is invalid.");
	}

	private PhorgeUser byToken(String token, long now) {
		if (token.getBytes(StandardCharsets.UTF_8).length != 32) {
			throw invalidAuth("API token \"" + token
					+ "\" has the wrong length. API tokens should be 32 characters long.");
		}
		String type = token.split("-", -1)[0];
		if (!TOKEN_TYPES.contains(type)) {
			throw invalidAuth("API token \"" + token + "\" has the wrong format. API tokens should be 32 characters "
					+ "long and begin with one of these prefixes: " + String.join(", ", TOKEN_TYPES) + ".");
		}
		PhorgeToken row = this.directory.token(token)
			.orElseThrow(() -> invalidAuth("API token \"" + token + "\" is not valid."));
		if (row.expiredAt(now)) {
			throw invalidAuth("API token \"" + token + "\" was previously valid, but has expired.");
		}
		if (row.type().equals("clr")) {
			throw invalidAuth("This request originates from outside of the cluster address range. Requests signed "
					+ "with cluster API tokens must originate from within the cluster.");
		}
		PhorgeUser user = this.directory.userByPhid(row.objectPhid())
			.orElseThrow(() -> invalidAuth("API token is not associated with a valid user."));
		if (!user.canUseApi()) {
			throw invalidAuth("User account is not permitted to use the API.");
		}
		return user;
	}

	private static ConduitError invalidAuth(String info) {
		return new ConduitError("ERR-INVALID-AUTH", info);
	}

}
