package dev.idsync.sim;

import org.jspecify.annotations.Nullable;

/**
 * One finding the job should report about the synthetic organisation, planted by the generator.
 *
 * @param category the report's category code
 * @param username the Phorge username, when the finding is about an account
 * @param identity the person's lower-cased primary email, when the finding is about an identity only
 */
public record TruthEntry(String category, @Nullable String username, @Nullable String identity) {

	/** The key a report finding is compared by: the category and the username, or else the identity. */
	public String key() {
		return this.category + " " + ((this.username != null) ? "@" + this.username : this.identity);
	}

}
