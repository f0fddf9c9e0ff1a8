package dev.idsync.sim;

import org.jspecify.annotations.Nullable;

/**
 * One finding the job should report about the synthetic organisation, planted by the generator. Some findings need
 * what only Phorge's database shows (external accounts, MFA, tokens, who disabled an account), so the truth depends on
 * how idsync reads Phorge: {@link SyntheticOrg#truth(PhorgeAccess)} gives the entries of one way.
 *
 * @param category the report's category code
 * @param username the Phorge username, when the finding is about an account
 * @param identity the person's lower-cased primary email, when the finding is about an identity only
 * @param access the one way of reading Phorge in which the job reports the finding, or {@code null} for both
 */
public record TruthEntry(String category, @Nullable String username, @Nullable String identity,
		@Nullable PhorgeAccess access) {

	/** A finding reported whichever way idsync reads Phorge. */
	public TruthEntry(String category, @Nullable String username, @Nullable String identity) {
		this(category, username, identity, null);
	}

	/** The key a report finding is compared by: the category and the username, or else the identity. */
	public String key() {
		return this.category + " " + ((this.username != null) ? "@" + this.username : this.identity);
	}

	/** Whether the job reports this finding when it reads Phorge as {@code access} says. */
	public boolean expectedWith(PhorgeAccess access) {
		return this.access == null || this.access == access;
	}

}
