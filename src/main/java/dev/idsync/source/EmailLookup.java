package dev.idsync.source;

import java.util.List;

/**
 * Finds the Phorge accounts that hold an email address (primary or secondary, verified or not).
 */
public interface EmailLookup {

	/**
	 * The accounts holding {@code email}, compared case-insensitively.
	 * @param email one address
	 * @return the PHIDs of the human accounts holding it (bots and mailing lists are never people)
	 * @throws SourceException when the lookup fails
	 */
	List<String> humanAccountsWithEmail(String email);

}
