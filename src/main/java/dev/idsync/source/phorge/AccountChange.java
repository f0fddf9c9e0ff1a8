package dev.idsync.source.phorge;

import java.util.List;

import dev.idsync.domain.Account;

/**
 * One write to a Phorge account and what it did.
 *
 * @param before the account as {@code user.search} read it just before the write
 * @param after the account as {@code user.search} read it just after the write
 * @param changed whether the write changed the account ({@code false} when it already was as asked)
 * @param method the method that wrote: {@code user.edit}, or {@code user.disable}/{@code user.enable} on a
 * Phabricator without {@code user.edit}
 * @param transactionPhids the {@code PHID-XACT-USER-…} of each change {@code user.edit} applied; always empty for
 * the older methods, which do not report them
 */
public record AccountChange(Account before, Account after, boolean changed, String method,
		List<String> transactionPhids) {

	public AccountChange {
		transactionPhids = List.copyOf(transactionPhids);
	}

}
