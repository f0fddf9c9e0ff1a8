package dev.idsync.domain;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What idsync itself knows about an account beyond Phorge and the identities: its exemption, whether idsync disabled
 * it, contradictions with earlier links, and the token age that applies to it.
 *
 * @param exemption the account's exemption or protection, if any (current or expired)
 * @param disabledByIdsync evidence that idsync itself disabled the account (its journal, or Phorge's own log of who
 * disabled it), or {@code null}
 * @param linkContradictions how this run's evidence contradicts a durable link of an earlier run (a changed IdP id, a
 * reused username, an address that moved), each in one sentence
 * @param maxTokenAge the age at which the account's live tokens are stale, or {@code null} for the default
 */
public record AccountFacts(@Nullable Exemption exemption, @Nullable String disabledByIdsync,
		List<String> linkContradictions, @Nullable Duration maxTokenAge) {

	/** Nothing beyond Phorge and the identities. */
	public static final AccountFacts NONE = new AccountFacts(null, null, List.of(), null);

	public AccountFacts {
		linkContradictions = List.copyOf(linkContradictions);
	}

}
