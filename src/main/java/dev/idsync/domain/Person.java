package dev.idsync.domain;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One person, merged from every source that knows them.
 *
 * @param key the person's lower-cased primary email, which reports name them by
 * @param displayName the person's name
 * @param emails every known address, lower-cased, primary first
 * @param lifecycle the merged lifecycle (see {@link MergePolicy})
 * @param sources how each source sees the person, e.g. {@code okta:00u1 ACTIVE; google:1034 suspended}
 * @param entitled whether any source entitles the person to Phorge (everyone, when no entitlement is configured)
 * @param conflict how the sources contradict each other about the person, or {@code null} when they agree
 * @param usernameHint the Phorge username a source records for the person, if any
 * @param adminMember whether the person is in a configured admin group, or {@code null} when no admin group is
 * configured or its read was incomplete
 * @param sourceIds the records merged into the person, each as {@code source:id} (e.g. {@code okta:00u1})
 */
public record Person(String key, String displayName, List<String> emails, Lifecycle lifecycle, String sources,
		boolean entitled, @Nullable String conflict, @Nullable String usernameHint, @Nullable Boolean adminMember,
		List<String> sourceIds) {

	public Person {
		emails = List.copyOf(emails);
		sourceIds = List.copyOf(sourceIds);
	}

	/** A person without admin-group knowledge or source ids. */
	public Person(String key, String displayName, List<String> emails, Lifecycle lifecycle, String sources,
			boolean entitled, @Nullable String conflict, @Nullable String usernameHint) {
		this(key, displayName, emails, lifecycle, sources, entitled, conflict, usernameHint, null, List.of());
	}

	/** A person entitled to Phorge, on whom the sources agree. */
	public Person(String key, String displayName, List<String> emails, Lifecycle lifecycle, String sources) {
		this(key, displayName, emails, lifecycle, sources, true, null, null);
	}

	/** The local part of the primary email. */
	public String localPart() {
		return this.key.substring(0, this.key.indexOf('@'));
	}

	/** The username the username rule looks for: the source's hint, else the primary email's local part. */
	public String usernameCandidate() {
		return ((this.usernameHint != null) ? this.usernameHint : localPart()).toLowerCase(Locale.ROOT);
	}

}
