package dev.idsync.domain;

import java.util.List;

/**
 * One person, merged from every source that knows them (keyed by primary email).
 *
 * @param key the merge key: the lower-cased primary email
 * @param displayName the person's name
 * @param emails every known address, lower-cased, primary first
 * @param lifecycle the merged lifecycle: the most active state any source reports
 * @param sources how each source sees the person, e.g. {@code okta:00u1 ACTIVE; google:1034 suspended}
 */
public record Person(String key, String displayName, List<String> emails, Lifecycle lifecycle, String sources) {

	public Person {
		emails = List.copyOf(emails);
	}

	/** The local part of the primary email, the input of the username rule. */
	public String localPart() {
		return this.key.substring(0, this.key.indexOf('@'));
	}

}
