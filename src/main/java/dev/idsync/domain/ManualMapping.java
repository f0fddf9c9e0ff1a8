package dev.idsync.domain;

/**
 * An admin's statement that an account belongs to an identity: the strongest correlation evidence, which settles
 * what weaker evidence disputes.
 *
 * @param username the Phorge account
 * @param identity the person: one of their email addresses, or a source's immutable id as {@code source:id}
 * (e.g. {@code okta:00u1abc})
 * @param addedBy who added the mapping
 * @param reason why
 * @param origin where it was declared, e.g. {@code mappings.csv:3} or {@code manual_mapping #7}
 */
public record ManualMapping(String username, String identity, String addedBy, String reason, String origin) {

	public ManualMapping {
		if (!identity.contains("@") && (identity.indexOf(':') <= 0 || identity.endsWith(":"))) {
			throw new IllegalArgumentException("identity '" + identity + "' is neither an email address nor source:id");
		}
	}

	/** One line of evidence. */
	public String describe() {
		return "by " + this.addedBy + ": " + this.reason + " (" + this.origin + ")";
	}

}
