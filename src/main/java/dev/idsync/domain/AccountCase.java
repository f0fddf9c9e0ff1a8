package dev.idsync.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything classification needs to know about one Phorge account.
 *
 * @param account the account
 * @param candidates the people who claim it (for human accounts), strongest evidence only
 * @param botOwnership the configured owner, for bots that have one
 * @param details what Phorge's database adds, or {@code null} when idsync reads through Conduit only
 */
public record AccountCase(Account account, List<Candidate> candidates, @Nullable BotOwnership botOwnership,
		@Nullable AccountDetails details) {

	public AccountCase {
		candidates = List.copyOf(candidates);
	}

	/** A case without database details. */
	public AccountCase(Account account, List<Candidate> candidates, @Nullable BotOwnership botOwnership) {
		this(account, candidates, botOwnership, null);
	}

}
