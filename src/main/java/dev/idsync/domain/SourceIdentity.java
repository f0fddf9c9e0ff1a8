package dev.idsync.domain;

import java.util.List;
import java.util.Locale;

/**
 * A person as one identity source reports them.
 *
 * @param source the configured source name, e.g. {@code okta}
 * @param sourceId the source's immutable id for the person
 * @param primaryEmail the primary email address, lower-cased
 * @param emails every address the source knows for the person, lower-cased, primary first, without duplicates
 * @param displayName the person's name
 * @param lifecycle the source's status mapped onto idsync's scale
 * @param rawStatus the source's own status word, kept as evidence (e.g. {@code DEPROVISIONED}, {@code archived})
 */
public record SourceIdentity(String source, String sourceId, String primaryEmail, List<String> emails,
		String displayName, Lifecycle lifecycle, String rawStatus) {

	public SourceIdentity {
		primaryEmail = normalizeEmail(primaryEmail);
		emails = emails.stream().map(SourceIdentity::normalizeEmail).distinct().toList();
		if (!emails.contains(primaryEmail)) {
			throw new IllegalArgumentException("emails of " + sourceId + " must contain the primary email");
		}
	}

	/** Email addresses compare case-insensitively everywhere in idsync (Phorge and the IdPs do). */
	public static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
