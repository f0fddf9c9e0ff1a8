package dev.idsync.sim;

/**
 * How many of each planted situation an organisation of a given size holds.
 *
 * @param candidates people whose only account bears their name but nothing else of theirs (UNLINKED_CANDIDATE)
 * @param renamed linked accounts whose real name is the person's former name (ATTRIBUTE_DRIFT)
 * @param aliased people whose account holds only their address at the alias domain
 * @param reenable people whose account idsync disabled while they were away (REENABLE_CANDIDATE)
 * @param tokenHolders linked people with a personal API token, every second one stale (TOKEN_STALE)
 * @param leaverTokens disabled leavers still holding a live token (LEAVER_HAS_TOKENS); one more holds a terminated
 * one only
 */
record Quotas(int admins, int leaversActive, int leaversDisabled, int joiners, int goneWithoutAccount,
		int pendingWithoutAccount, int pendingApproval, int linkedDisabled, int split, int usernameRule,
		int disputedShared, int disputedDouble, int notEntitled, int bystanders, int hinted, int regular, int orphans,
		int unlinkedDisabled, int ownedBots, int ownerlessBots, int orphanedBots, int candidates, int renamed,
		int aliased, int reenable, int tokenHolders, int leaverTokens) {

	/** The people planted one each: the manually mapped one and the two linked only by an external account. */
	static final int SINGLES = 3;

	static Quotas of(int people) {
		int admins = 3;
		int leaversActive = share(people, 2, 100, 3);
		int leaversDisabled = share(people, 3, 100, 2);
		int joiners = share(people, 8, 100, 3);
		int gone = share(people, 1, 100, 2);
		int pending = share(people, 1, 200, 1);
		int pendingApproval = share(people, 1, 200, 1);
		int linkedDisabled = share(people, 1, 300, 1);
		int split = share(people, 1, 700, 1);
		int usernameRule = share(people, 2, 100, 2);
		int shared = share(people, 1, 500, 1);
		int doubles = share(people, 1, 1000, 1);
		int notEntitled = share(people, 1, 100, 2);
		int bystanders = share(people, 10, 100, 2);
		int hinted = share(people, 1, 200, 1);
		int candidates = share(people, 1, 500, 1);
		int renamed = share(people, 1, 400, 1);
		int aliased = share(people, 1, 500, 1);
		int reenable = share(people, 1, 500, 1);
		int used = admins + leaversActive + leaversDisabled + joiners + gone + pending + pendingApproval + linkedDisabled
				+ split + usernameRule + 2 * shared + doubles + notEntitled + bystanders + hinted + candidates + renamed
				+ aliased + reenable + SINGLES;
		return new Quotas(admins, leaversActive, leaversDisabled, joiners, gone, pending, pendingApproval,
				linkedDisabled, split, usernameRule, shared, doubles, notEntitled, bystanders, hinted, people - used,
				share(people, 1, 100, 2), share(people, 1, 100, 1), share(people, 1, 500, 2),
				share(people, 1, 1000, 1), share(people, 1, 1000, 1), candidates, renamed, aliased, reenable,
				share(people, 1, 200, 2), Math.min(share(people, 1, 500, 1), leaversDisabled - 1));
	}

	private static int share(int people, int numerator, int denominator, int minimum) {
		return Math.max(minimum, people * numerator / denominator);
	}

}
