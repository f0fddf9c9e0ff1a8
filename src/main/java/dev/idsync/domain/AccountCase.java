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
 * @param facts what idsync itself knows: exemption, its own disables, contradicted links, token age
 */
public record AccountCase(Account account, List<Candidate> candidates, @Nullable BotOwnership botOwnership,
		@Nullable AccountDetails details, AccountFacts facts) {

	public AccountCase {
		candidates = List.copyOf(candidates);
	}

	/** A case with database details but nothing idsync itself knows. */
	public AccountCase(Account account, List<Candidate> candidates, @Nullable BotOwnership botOwnership,
			@Nullable AccountDetails details) {
		this(account, candidates, botOwnership, details, AccountFacts.NONE);
	}

	/** The same case with what idsync itself knows. */
	public AccountCase withFacts(AccountFacts newFacts) {
		return new AccountCase(this.account, this.candidates, this.botOwnership, this.details, newFacts);
	}

	/** A case without database details. */
	public AccountCase(Account account, List<Candidate> candidates, @Nullable BotOwnership botOwnership) {
		this(account, candidates, botOwnership, null, AccountFacts.NONE);
	}

}
