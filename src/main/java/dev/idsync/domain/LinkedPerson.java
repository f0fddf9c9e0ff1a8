package dev.idsync.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A person durably linked to a Phorge account, as the last run saw them: what a directory export needs.
 *
 * @param username the account's username
 * @param phid the account's PHID
 * @param email the person's primary email (lower-cased)
 * @param displayName the person's name in the identity sources
 * @param sourceIds the person's immutable id in each identity source linked to the account, by source name
 */
public record LinkedPerson(String username, String phid, String email, String displayName,
		Map<String, String> sourceIds) {

	public LinkedPerson {
		sourceIds = Collections.unmodifiableMap(new TreeMap<>(sourceIds));
	}

}
