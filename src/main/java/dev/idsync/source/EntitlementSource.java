package dev.idsync.source;

/**
 * The people an identity source entitles to Phorge (members of a group, users assigned to an app), as the source's
 * own ids, read in full. Its name is the identity source's followed by {@code :entitlement}.
 */
public interface EntitlementSource extends PagedSource<String> {

	/** The name of the entitlement read of the identity source {@code source}. */
	static String nameOf(String source) {
		return source + ":entitlement";
	}

	/** The name of the admin-group read of the identity source {@code source}. */
	static String adminsOf(String source) {
		return source + ":admins";
	}

}
