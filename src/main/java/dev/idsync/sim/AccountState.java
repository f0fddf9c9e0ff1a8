package dev.idsync.sim;

/**
 * The state a planted human account is created in.
 */
enum AccountState {

	ENABLED(false, true, false), DISABLED(true, true, false), UNAPPROVED(false, false, false), ADMIN(false, true, true);

	final boolean disabled;

	final boolean approved;

	final boolean admin;

	AccountState(boolean disabled, boolean approved, boolean admin) {
		this.disabled = disabled;
		this.approved = approved;
		this.admin = admin;
	}

}
