package dev.idsync.rotate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.idsync.domain.ApiTokenInfo;

/**
 * The port to Phorge's {@code conduit_token} table, with write access: the only way besides Phorge's web UI to
 * create or terminate an API token. No method returns a token's value.
 */
public interface BotTokens {

	/** The account's live tokens (unexpired), oldest first. */
	List<ApiTokenInfo> live(String ownerPhid, Instant now);

	/** Inserts a standard API token ({@code api}, never expiring) and returns its row id. */
	long create(String ownerPhid, TokenValue value, String name, Instant now);

	/** The row id of the account's token with this name, if the insert happened. */
	Optional<Long> find(String ownerPhid, String name);

	/**
	 * Terminates a token as Phorge's web "Terminate" does: its {@code expires} set to a minute ago, so Phorge answers
	 * "was previously valid, but has expired"; the garbage collector deletes the row later.
	 * @return whether the token was live until now
	 */
	boolean terminate(long tokenId, Instant now);

}
