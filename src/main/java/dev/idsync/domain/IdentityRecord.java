package dev.idsync.domain;

/**
 * A source's record of a person, with whether that source's entitlement rule admits them to Phorge.
 *
 * @param identity the record
 * @param entitled whether the source entitles the person (true when the source has no entitlement rule)
 */
public record IdentityRecord(SourceIdentity identity, boolean entitled) {
}
