package dev.idsync.sim.phorge;

/**
 * One row of Phorge's {@code phabricator_user.user} table as the simulator holds it.
 *
 * @param id the numeric object id; Conduit cursors are these ids as strings
 * @param phid the {@code PHID-USER-…} identifier
 * @param userName the username, unique case-insensitively
 * @param realName the display name
 * @param bot {@code isSystemAgent}
 * @param mailingList {@code isMailingList}
 * @param admin {@code isAdmin}
 * @param disabled {@code isDisabled}
 * @param approved {@code isApproved}
 * @param emailVerified {@code isEmailVerified}
 * @param mfa {@code isEnrolledInMultiFactor}
 * @param dateCreated epoch seconds
 * @param dateModified epoch seconds
 * @param imagePath the profile image path below the server's base URL, without a leading slash
 */
public record PhorgeUser(long id, String phid, String userName, String realName, boolean bot, boolean mailingList,
		boolean admin, boolean disabled, boolean approved, boolean emailVerified, boolean mfa, long dateCreated,
		long dateModified, String imagePath) {

	/** Phorge's {@code isUserActivated()}: enabled and approved (this instance does not require verification). */
	public boolean activated() {
		return !this.disabled && this.approved;
	}

	/** Phorge's {@code canEstablishAPISessions()}: mailing lists, disabled and unapproved users cannot. */
	public boolean canUseApi() {
		return !this.mailingList && activated();
	}

	public PhorgeUser withDisabled(boolean disabled, long now) {
		return new PhorgeUser(this.id, this.phid, this.userName, this.realName, this.bot, this.mailingList, this.admin,
				disabled, this.approved, this.emailVerified, this.mfa, this.dateCreated, now, this.imagePath);
	}

	public PhorgeUser withRealName(String realName, long now) {
		return new PhorgeUser(this.id, this.phid, this.userName, realName, this.bot, this.mailingList, this.admin,
				this.disabled, this.approved, this.emailVerified, this.mfa, this.dateCreated, now, this.imagePath);
	}

	/** This user with {@code isEnrolledInMultiFactor} as given and everything else, {@code dateModified} too, kept. */
	public PhorgeUser withMfa(boolean mfa) {
		return new PhorgeUser(this.id, this.phid, this.userName, this.realName, this.bot, this.mailingList, this.admin,
				this.disabled, this.approved, this.emailVerified, mfa, this.dateCreated, this.dateModified,
				this.imagePath);
	}

	public PhorgeUser withApproved(boolean approved, long now) {
		return new PhorgeUser(this.id, this.phid, this.userName, this.realName, this.bot, this.mailingList, this.admin,
				this.disabled, approved, this.emailVerified, this.mfa, this.dateCreated, now, this.imagePath);
	}

}
