package dev.idsync.rotate;

import java.util.Optional;

/**
 * Where a bot's token is delivered (a file, a Kubernetes Secret key): each sink replaces what it holds atomically.
 */
public interface SecretSink {

	/** The sink in a few words, e.g. {@code file /etc/ci/phorge-token}: journalled, never the value. */
	String name();

	/** Replaces the token the sink holds. */
	void deliver(TokenValue token);

	/** The token the sink holds now, if any: after a crash it tells which sinks already hold the new token. */
	Optional<TokenValue> current();

}
