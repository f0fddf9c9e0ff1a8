package dev.idsync.sim.google;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The simulated customer's users and groups, indexed the ways the endpoints look them up.
 */
final class GoogleDirectory {

	private final List<GoogleSimUser> users;

	private final Map<String, GoogleSimUser> usersById;

	private final Map<String, GoogleSimUser> usersByEmail;

	private final Map<String, GoogleSimGroup> groupsByKey;

	private final Set<String> domains;

	// The directory never changes, so each listing is worked out once rather than for every page: selecting and
	// sorting every user for each of a million-person customer's pages made the simulator, not the caller, what a
	// benchmark measured.
	private final Map<String, List<GoogleSimUser>> listings = new ConcurrentHashMap<>();

	private final Map<String, List<GoogleSimUser>> membersByGroup = new ConcurrentHashMap<>();

	GoogleDirectory(List<GoogleSimUser> users, List<GoogleSimGroup> groups) {
		this.users = List.copyOf(users);
		this.usersById = index(users.stream(), GoogleSimUser::id);
		this.usersByEmail = index(users.stream().filter((user) -> !user.deleted()),
				(user) -> lower(user.primaryEmail()));
		Map<String, GoogleSimGroup> byKey = new HashMap<>(index(groups.stream(), GoogleSimGroup::id));
		index(groups.stream(), (group) -> lower(group.email())).forEach(byKey::putIfAbsent);
		this.groupsByKey = Map.copyOf(byKey);
		this.domains = users.stream().map((user) -> domainOf(user.primaryEmail())).collect(Collectors.toSet());
	}

	/** Every user, deleted ones included. */
	List<GoogleSimUser> users() {
		return this.users;
	}

	/**
	 * The users a listing selects, in its order, worked out on the listing's first page and kept for its others.
	 * @param listing what identifies the listing: its owner, whether deleted users, and its order
	 * @param selection works the listing out from {@link #users()}
	 */
	List<GoogleSimUser> listing(String listing, Supplier<List<GoogleSimUser>> selection) {
		return this.listings.computeIfAbsent(listing, (key) -> selection.get());
	}

	/** The customer's domains, lower case. */
	Set<String> domains() {
		return this.domains;
	}

	/** The group a {@code groupKey} names (its email, in any case, or its id), or {@code null}. */
	@Nullable GoogleSimGroup group(String groupKey) {
		GoogleSimGroup byId = this.groupsByKey.get(groupKey);
		return (byId != null) ? byId : this.groupsByKey.get(lower(groupKey));
	}

	/**
	 * The members of {@code group} in the group's order: the users its ids name, without deleted ones (Google takes a
	 * deleted user out of every group).
	 */
	List<GoogleSimUser> members(GoogleSimGroup group) {
		return this.membersByGroup.computeIfAbsent(group.id(), (id) -> group.memberIds()
			.stream()
			.map(this.usersById::get)
			.filter((user) -> user != null && !user.deleted())
			.toList());
	}

	/** The user whose primary address is {@code email}, in any case, unless deleted; else {@code null}. */
	@Nullable GoogleSimUser user(String email) {
		return this.usersByEmail.get(lower(email));
	}

	static String domainOf(String email) {
		return lower(email.substring(email.indexOf('@') + 1));
	}

	// A key twice (which Google would not allow) finds the first of its owners, rather than failing the server.
	private static <T> Map<String, T> index(Stream<T> items, Function<T, String> key) {
		return items.collect(Collectors.toMap(key, Function.identity(), (first, second) -> first));
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
