package dev.idsync.sim.phorge;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The state of a simulated Phorge instance: its users, email addresses and Conduit tokens.
 * Implementations are thread-safe: the Conduit simulator serves requests concurrently.
 */
public interface PhorgeDirectory {

	/** Every user, in ascending id order. */
	List<PhorgeUser> users();

	/** The user with this PHID. */
	Optional<PhorgeUser> userByPhid(String phid);

	/** The user with this numeric id. */
	Optional<PhorgeUser> userById(long id);

	/** The user with this username, compared case-insensitively as Phorge's collation does. */
	Optional<PhorgeUser> userByName(String userName);

	/** The email row with exactly this address, compared case-insensitively (addresses are globally unique). */
	Optional<PhorgeEmail> email(String address);

	/** All email rows of one user, primary first. */
	List<PhorgeEmail> emailsOf(String userPhid);

	/** The token row holding exactly this secret. */
	Optional<PhorgeToken> token(String secret);

	/** Replaces one user through {@code change} atomically and returns the new row. */
	PhorgeUser update(String phid, UnaryOperator<PhorgeUser> change);

	/**
	 * Applies an edit made through Conduit: replaces one user through {@code change} atomically and stores the
	 * transactions the edit recorded with it, as Phorge's editor saves both in one database transaction. Unless
	 * overridden, the transactions are dropped: an in-memory Phorge has no table to keep them in.
	 * @param phid the user
	 * @param change the user as the edit leaves it, and its transactions
	 * @return what {@code change} returned
	 */
	default UserChange edit(String phid, Function<PhorgeUser, UserChange> change) {
		AtomicReference<UserChange> made = new AtomicReference<>();
		update(phid, (current) -> {
			UserChange edited = change.apply(current);
			made.set(edited);
			return edited.user();
		});
		return made.get();
	}

	/** Whether {@code viewer} holds the People application's "Can Disable Users" capability. */
	boolean canDisableUsers(PhorgeUser viewer);

}
