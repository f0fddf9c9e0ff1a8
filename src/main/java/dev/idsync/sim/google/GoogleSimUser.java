package dev.idsync.sim.google;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A user of the simulated Google Workspace customer, with the Directory API fields idsync reads.
 *
 * @param id the immutable numeric id (21 digits)
 * @param primaryEmail the primary address
 * @param givenName {@code name.givenName}
 * @param familyName {@code name.familyName}
 * @param suspended {@code suspended}
 * @param archived {@code archived}
 * @param admin {@code isAdmin}
 * @param lastLoginTime the last login, {@code null} if never (served as the epoch, as Google does)
 * @param creationTime when created
 * @param deletionTime when deleted; a deleted user is listed only with {@code showDeleted=true}
 * @param aliases email aliases
 * @param orgUnitPath the organisational unit
 * @param employeeId the HR employee id, served as {@code externalIds: [{"type":"organization","value":…}]}, or
 * {@code null}
 */
public record GoogleSimUser(String id, String primaryEmail, String givenName, String familyName, boolean suspended,
		boolean archived, boolean admin, @Nullable Instant lastLoginTime, Instant creationTime,
		@Nullable Instant deletionTime, List<String> aliases, String orgUnitPath, @Nullable String employeeId) {

	/** Whether the user is deleted (recently deleted users are listed only with {@code showDeleted}). */
	public boolean deleted() {
		return this.deletionTime != null;
	}

}
