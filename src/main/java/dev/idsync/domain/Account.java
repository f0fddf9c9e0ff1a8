package dev.idsync.domain;

/**
 * A Phorge account as Conduit's {@code user.search} reports it.
 *
 * @param id the numeric object id
 * @param phid the {@code PHID-USER-…} identifier
 * @param username the username (unique, case-insensitive)
 * @param realName the display name
 * @param kind human, bot or mailing list
 * @param disabled whether the account is disabled
 * @param approved whether an administrator approved the account
 * @param admin whether the account is a Phorge administrator
 * @param createdEpochSecond when the account was created
 */
public record Account(long id, String phid, String username, String realName, AccountKind kind, boolean disabled,
		boolean approved, boolean admin, long createdEpochSecond) {

	/** Whether the account can currently be used to log in or call the API. */
	public boolean enabled() {
		return !this.disabled;
	}

}
