package dev.idsync.source;

import dev.idsync.domain.SourceIdentity;

/**
 * An identity provider read in full: every person in every status, deprovisioned ones included.
 */
public interface IdentitySource extends PagedSource<SourceIdentity> {

}
