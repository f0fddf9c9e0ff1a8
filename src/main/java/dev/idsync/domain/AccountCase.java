package dev.idsync.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything classification needs to know about one Phorge account.
 *
 * @param account the account
 * @param candidates the people who claim it (for human accounts), strongest evidence only
 * @param botOwnership the configured owner, for bots that have one
 */
public record AccountCase(Account account, List<Candidate> candidates, @Nullable BotOwnership botOwnership) {

	public AccountCase {
		candidates = List.copyOf(candidates);
	}

}
