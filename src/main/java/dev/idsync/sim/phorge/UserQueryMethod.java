package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The frozen {@code user.query}, the only Conduit lookup by email address. Like Phorge, it joins every matching
 * email row, so two addresses of one user in one call make Lisk's {@code loadAllFromArray()} fail (a Phorge bug
 * callers must avoid by asking for one address per call). Parameters are not type-checked, as in Phorge.
 */
final class UserQueryMethod {

	static final List<String> PARAMS = List.of("usernames", "emails", "realnames", "phids", "ids", "offset", "limit");

	private static final Map<String, String> QUERY_METHODS = Map.of("usernames", "withUsernames", "emails",
			"withEmails", "realnames", "withRealnames", "phids", "withPHIDs", "ids", "withIDs");

	private final PhorgeDirectory directory;

	private final UserViews views;

	UserQueryMethod(PhorgeDirectory directory, UserViews views) {
		this.directory = directory;
		this.views = views;
	}

	List<Map<String, Object>> execute(ConduitCall call) {
		List<Predicate<PhorgeUser>> tests = new ArrayList<>();
		strings(call, "usernames").ifPresent((names) -> tests.add((user) -> names.stream()
			.anyMatch((name) -> PhpValues.padSpace(name).equalsIgnoreCase(user.userName()))));
		strings(call, "realnames").ifPresent((names) -> tests.add((user) -> names.stream()
			.anyMatch((name) -> PhpValues.padSpace(name).equals(PhpValues.padSpace(user.realName())))));
		strings(call, "phids").ifPresent((phids) -> tests.add((user) -> phids.contains(user.phid())));
		ids(call).ifPresent((ids) -> tests.add((user) -> ids.contains(user.id())));
		List<PhorgeEmail> emails = strings(call, "emails").map(this::emailRows).orElse(null);
		List<PhorgeUser> rows = rows(tests, emails);
		long offset = Math.max(0, PhpValues.intval(call.value("offset")));
		long limit = Math.max(0, PhpValues.intval((call.value("limit") != null) ? call.value("limit") : 100L));
		long window = (limit > 0) ? offset + limit : Long.MAX_VALUE;
		return distinct(rows.stream().limit(window).toList()).stream()
			.skip(offset)
			.map(this.views::legacy)
			.toList();
	}

	/** One row per user, or, when emails are given, one row per matching email row, newest user first. */
	private List<PhorgeUser> rows(List<Predicate<PhorgeUser>> tests, @Nullable List<PhorgeEmail> emails) {
		List<PhorgeUser> rows = new ArrayList<>();
		for (PhorgeUser user : candidates(emails)) {
			if (tests.stream().allMatch((test) -> test.test(user))) {
				rows.add(user);
			}
		}
		rows.sort(Comparator.comparingLong(PhorgeUser::id).reversed());
		return rows;
	}

	/** Every user, or, when emails are given, each email row's owner (once per row, as Phorge's join does). */
	private List<PhorgeUser> candidates(@Nullable List<PhorgeEmail> emails) {
		if (emails == null) {
			return this.directory.users();
		}
		List<PhorgeUser> owners = new ArrayList<>();
		emails.forEach((email) -> this.directory.userByPhid(email.userPhid()).ifPresent(owners::add));
		return owners;
	}

	/** The distinct email rows the addresses name; the address column ignores case and trailing spaces. */
	private List<PhorgeEmail> emailRows(List<String> addresses) {
		Set<PhorgeEmail> rows = new LinkedHashSet<>();
		addresses.forEach((address) -> this.directory.email(PhpValues.padSpace(address)).ifPresent(rows::add));
		return List.copyOf(rows);
	}

	private static List<PhorgeUser> distinct(List<PhorgeUser> rows) {
		Set<Long> seen = new HashSet<>();
		for (PhorgeUser user : rows) {
			if (!seen.add(user.id())) {
				throw ConduitError.core("Rows passed to \"loadAllFromArray(...)\" include two or more rows with the "
						+ "same ID (\"" + user.id() + "\"). Rows must have unique IDs. An underlying query may be "
						+ "missing a GROUP BY.");
			}
		}
		return rows;
	}

	/** A list parameter as {@code %Ls} renders it, or empty when it is falsy (and so not applied). */
	private static Optional<List<String>> strings(ConduitCall call, String key) {
		Object value = call.value(key);
		if (!PhpValues.truthy(value)) {
			return Optional.empty();
		}
		requireArray(key, value);
		return Optional.of(PhpValues.entries(value).values().stream().map(PhpValues::string).toList());
	}

	private static Optional<Set<Long>> ids(ConduitCall call) {
		Object value = call.value("ids");
		if (!PhpValues.truthy(value)) {
			return Optional.empty();
		}
		requireArray("ids", value);
		Set<Long> ids = new HashSet<>();
		for (Object id : PhpValues.entries(value).values()) {
			if (id != null && !PhpValues.isNumeric(id)) {
				throw ConduitError.core(UserSearchPager.NOT_NUMERIC_ID);
			}
			if (id != null) {
				ids.add(PhpValues.intval(id));
			}
		}
		return Optional.of(ids);
	}

	/** PHP would fail with a TypeError here (an HTTP 500); the simulator reports it as a Conduit error instead. */
	private static void requireArray(String key, Object value) {
		if (!PhpValues.isArray(value)) {
			throw ConduitError.core("PhabricatorPeopleQuery::" + QUERY_METHODS.get(key) + "(): Argument #1 ($" + key
					+ ") must be of type array, " + PhpValues.type(value) + " given");
		}
	}

}
