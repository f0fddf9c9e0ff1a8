package dev.idsync.sim.okta;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A user of the simulated Okta org, with the fields of Okta's Users API that idsync reads.
 *
 * @param id the immutable Okta id ({@code 00u…})
 * @param status one of Okta's statuses: {@code STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT,
 * SUSPENDED, DEPROVISIONED}
 * @param created when the user was created
 * @param activated when activated, {@code null} for a STAGED user
 * @param statusChanged when the status last changed, {@code null} for a STAGED user
 * @param lastLogin the last login, {@code null} if never
 * @param lastUpdated the last profile or status change
 * @param login {@code profile.login}
 * @param email {@code profile.email}
 * @param secondEmail {@code profile.secondEmail}, or {@code null}
 * @param firstName {@code profile.firstName}
 * @param lastName {@code profile.lastName}
 * @param customAttributes custom profile attributes (for example {@code phabricatorUsername})
 */
public record OktaSimUser(String id, String status, Instant created, @Nullable Instant activated,
		@Nullable Instant statusChanged, @Nullable Instant lastLogin, Instant lastUpdated, String login, String email,
		@Nullable String secondEmail, String firstName, String lastName, Map<String, String> customAttributes) {
}
