package dev.idsync.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The run-wide settings classification judges by.
 *
 * @param now when the run judges token ages and exemption expiry
 * @param tokenMaxAge the age at which a live API token is stale, unless the account has its own
 * @param adminGroupsKnown whether admin groups are configured and were read completely, so that an admin nobody
 * claims can be judged outside them
 */
public record Rules(Instant now, Duration tokenMaxAge, boolean adminGroupsKnown) {

	/** The defaults at {@code now}: a year for tokens, no admin groups. */
	public static Rules at(Instant now) {
		return new Rules(now, Duration.ofDays(365), false);
	}

	/** The day (UTC) exemptions are judged on. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.now, ZoneOffset.UTC);
	}

}
