package dev.idsync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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
 * @param employeeId the HR employee id, when the source is configured to read one (a merge key across sources)
 * @param usernameHint the person's Phorge username as the source records it (e.g. a custom profile attribute)
 * @param statusSince when the source says the person's status last changed (e.g. Okta's {@code statusChanged}, or
 * Google's {@code deletionTime} for a deleted user), or {@code null} when the source does not say
 */
public record SourceIdentity(String source, String sourceId, String primaryEmail, List<String> emails,
		String displayName, Lifecycle lifecycle, String rawStatus, @Nullable String employeeId,
		@Nullable String usernameHint, @Nullable Instant statusSince) {

	public SourceIdentity {
		primaryEmail = normalizeEmail(primaryEmail);
		emails = emails.stream().map(SourceIdentity::normalizeEmail).distinct().toList();
		if (!emails.contains(primaryEmail)) {
			throw new IllegalArgumentException("emails of " + sourceId + " must contain the primary email");
		}
		employeeId = blankToNull(employeeId);
		usernameHint = blankToNull(usernameHint);
	}

	/** A record that does not say since when its status holds. */
	public SourceIdentity(String source, String sourceId, String primaryEmail, List<String> emails, String displayName,
			Lifecycle lifecycle, String rawStatus, @Nullable String employeeId, @Nullable String usernameHint) {
		this(source, sourceId, primaryEmail, emails, displayName, lifecycle, rawStatus, employeeId, usernameHint, null);
	}

	/** A record without an employee id, username hint or status time. */
	public SourceIdentity(String source, String sourceId, String primaryEmail, List<String> emails, String displayName,
			Lifecycle lifecycle, String rawStatus) {
		this(source, sourceId, primaryEmail, emails, displayName, lifecycle, rawStatus, null, null);
	}

	/** Email addresses compare case-insensitively everywhere in idsync (Phorge and the IdPs do). */
	public static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
