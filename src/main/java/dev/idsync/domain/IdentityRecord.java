package dev.idsync.domain;

import org.jspecify.annotations.Nullable;

/**
 * A source's record of a person, with whether that source's entitlement rule admits them to Phorge.
 *
 * @param identity the record
 * @param entitled whether the source entitles the person (true when the source has no entitlement rule)
 * @param admin whether the source lists the person in a configured admin group, or {@code null} when the source has
 * no admin group
 */
public record IdentityRecord(SourceIdentity identity, boolean entitled, @Nullable Boolean admin) {

	/** A record of a source without admin groups. */
	public IdentityRecord(SourceIdentity identity, boolean entitled) {
		this(identity, entitled, null);
	}

}
