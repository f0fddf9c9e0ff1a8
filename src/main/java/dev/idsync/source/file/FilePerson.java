package dev.idsync.source.file;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.SourceIdentity;

/**
 * A person read from a file: what a {@link SourceIdentity} holds, plus the HR employee id, the Phorge username
 * hint and the time of the last status change the file may also carry.
 *
 * @param sourceId the file's immutable id for the person
 * @param primaryEmail the primary email address
 * @param emails every address of the person, primary first
 * @param displayName the person's name (the primary email when the file has none)
 * @param lifecycle the status mapped onto idsync's scale
 * @param rawStatus the file's own status word
 * @param employeeId the value of {@code columns.employee-id}, or {@code null} when unmapped or blank
 * @param usernameHint the value of {@code columns.username}, or {@code null} when unmapped or blank
 * @param statusSince the value of {@code columns.status-since}, or {@code null} when unmapped or blank
 */
record FilePerson(String sourceId, String primaryEmail, List<String> emails, String displayName, Lifecycle lifecycle,
		String rawStatus, @Nullable String employeeId, @Nullable String usernameHint,
		@Nullable Instant statusSince) implements Outcome {

	/**
	 * The person as the nightly job takes them.
	 * @param source the configured source name
	 */
	SourceIdentity identity(String source) {
		return new SourceIdentity(source, this.sourceId, this.primaryEmail, this.emails, this.displayName,
				this.lifecycle, this.rawStatus, this.employeeId, this.usernameHint, this.statusSince);
	}

}
