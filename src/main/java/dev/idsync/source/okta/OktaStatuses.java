package dev.idsync.source.okta;

import org.jspecify.annotations.Nullable;

import com.okta.sdk.resource.model.UserStatus;

import dev.idsync.domain.Lifecycle;

/**
 * Maps Okta's user statuses onto idsync's lifecycle.
 */
final class OktaStatuses {

	private OktaStatuses() {
	}

	/**
	 * The lifecycle of an Okta status. LOCKED_OUT, RECOVERY and PASSWORD_EXPIRED people still work here (they are
	 * only locked out of Okta for a moment); STAGED and PROVISIONED have not started; only SUSPENDED and
	 * DEPROVISIONED mean blocked or gone. A status the SDK does not know is never read as a departure.
	 */
	static Lifecycle lifecycle(@Nullable UserStatus status) {
		if (status == null) {
			return Lifecycle.ACTIVE;
		}
		return switch (status) {
			case STAGED, PROVISIONED -> Lifecycle.PENDING;
			case SUSPENDED -> Lifecycle.SUSPENDED;
			case DEPROVISIONED -> Lifecycle.DEPROVISIONED;
			default -> Lifecycle.ACTIVE;
		};
	}

}
