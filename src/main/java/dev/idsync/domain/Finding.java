package dev.idsync.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What idsync concluded about one account or one identity, with the evidence behind it.
 *
 * @param category the stable code
 * @param username the Phorge username when the finding is about an account
 * @param phid the Phorge PHID when the finding is about an account
 * @param identity the person's key (lower-cased primary email) when one is involved
 * @param rule the rule that decided, in one sentence
 * @param evidence the facts the rule used, each naming the source that said it
 * @param matchedBy how the identity was tied to the account, when it was
 * @param history since when and for how many runs it has been reported, once the run compared itself with the last
 * complete one ({@code null} before)
 */
public record Finding(Category category, @Nullable String username, @Nullable String phid, @Nullable String identity,
		String rule, List<String> evidence, @Nullable MatchMethod matchedBy, @Nullable FindingHistory history) {

	public Finding {
		evidence = List.copyOf(evidence);
		if (username == null && identity == null) {
			throw new IllegalArgumentException("A finding is about an account, an identity or both");
		}
	}

	/** A finding before the run compared itself with the last complete one. */
	public Finding(Category category, @Nullable String username, @Nullable String phid, @Nullable String identity,
			String rule, List<String> evidence, @Nullable MatchMethod matchedBy) {
		this(category, username, phid, identity, rule, evidence, matchedBy, null);
	}

	/** What the finding is about, as its history tracks it: the account's PHID, else the identity. */
	public String subject() {
		return (this.phid != null) ? this.phid : String.valueOf(this.identity);
	}

	/** The confidence of the correlation behind the finding, when there is one. */
	public @Nullable Confidence confidence() {
		return (this.matchedBy != null) ? this.matchedBy.confidence() : null;
	}

}
