package dev.idsync.source;

import dev.idsync.domain.Account;

/**
 * Every Phorge account (humans, bots and mailing lists), read page by page in a stable order.
 */
public interface AccountDirectory extends PagedSource<Account> {

}
