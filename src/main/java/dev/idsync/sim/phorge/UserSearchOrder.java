package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The result order of {@code user.search}: a builtin order name or a vector of columns, validated as
 * {@code PhabricatorCursorPagedPolicyAwareQuery::setOrder()} and {@code setOrderVector()} validate them.
 */
final class UserSearchOrder {

	private static final String QUERY = "PhabricatorPeopleQuery";

	private static final Map<String, List<String>> BUILTIN = builtin();

	private static final List<String> COLUMNS = List.of("id", "rank", "fulltext-created", "fulltext-modified",
			"username");

	private static final Set<String> UNIQUE = Set.of("id", "username");

	private static final Set<String> FERRET = Set.of("rank", "fulltext-created", "fulltext-modified");

	private final List<Item> items;

	private UserSearchOrder(List<Item> items) {
		this.items = items;
	}

	/** Reads {@code order}: {@code null} for newest first, a builtin name, or a list of (maybe negated) columns. */
	static UserSearchOrder of(@Nullable Object order) {
		if (order == null) {
			return vector(List.of("id"));
		}
		if (!PhpValues.isArray(order)) {
			List<String> builtin = (order instanceof String name) ? BUILTIN.get(name) : null;
			if (builtin == null) {
				throw ConduitError.core("Query \"" + QUERY + "\" does not support a builtin order \""
						+ PhpValues.string(order) + "\". Supported orders are: " + String.join(", ", BUILTIN.keySet())
						+ ".");
			}
			return vector(builtin);
		}
		Map<String, @Nullable Object> entries = PhpValues.entries(order);
		List<String> scalars = new ArrayList<>();
		entries.forEach((key, value) -> {
			if (!(value instanceof String scalar)) {
				throw ConduitError.core("Value with key \"" + key + "\" in order vector is not a string (it has type \""
						+ PhpValues.type(value) + "\"). An order vector must contain only strings.");
			}
			scalars.add(scalar);
		});
		return vector(scalars);
	}

	/**
	 * Compares users in this order; the Ferret columns count only with a fulltext query, and a query paging
	 * backwards ({@code before}) runs in the opposite direction.
	 */
	Comparator<PhorgeUser> comparator(boolean fulltext, boolean reversed) {
		Comparator<PhorgeUser> comparator = (a, b) -> 0;
		boolean descending = true;
		for (Item item : this.items) {
			if (!fulltext && FERRET.contains(item.key())) {
				continue;
			}
			descending = !(item.key().equals("username") ^ item.reversed()) ^ reversed;
			Comparator<PhorgeUser> column = column(item.key());
			comparator = comparator.thenComparing(descending ? column.reversed() : column);
		}
		Comparator<PhorgeUser> id = Comparator.comparingLong(PhorgeUser::id);
		return comparator.thenComparing(descending ? id.reversed() : id);
	}

	/**
	 * Whether {@link #comparator(boolean, boolean)} orders by id alone, and then whether descending: as MySQL pages
	 * Phorge's default order through the primary key, without looking at the other rows.
	 */
	Optional<Boolean> idDescending(boolean fulltext, boolean reversed) {
		boolean descending = true;
		for (Item item : this.items) {
			if (!fulltext && FERRET.contains(item.key())) {
				continue;
			}
			if (!item.key().equals("id")) {
				return Optional.empty();
			}
			descending = !item.reversed() ^ reversed;
		}
		return Optional.of(descending);
	}

	private static UserSearchOrder vector(List<String> scalars) {
		if (scalars.isEmpty()) {
			throw ConduitError.core("An order vector can not be empty.");
		}
		Map<String, Item> items = new LinkedHashMap<>();
		for (String scalar : scalars) {
			Item item = scalar.startsWith("-") ? new Item(scalar.substring(1), true) : new Item(scalar, false);
			if (items.containsKey(item.key())) {
				throw ConduitError.core("Order vector \"" + String.join(", ", scalars) + "\" specifies order \""
						+ item.key() + "\" twice. Each component of an ordering must be unique.");
			}
			items.put(item.key(), item);
		}
		List<Item> vector = List.copyOf(items.values());
		String asString = vector.stream().map(Item::scalar).collect(Collectors.joining(", "));
		for (Item item : vector) {
			if (!COLUMNS.contains(item.key())) {
				throw ConduitError.core("This query (\"" + QUERY + "\") does not support sorting by order key \""
						+ item.key() + "\". Supported orders are: " + String.join(", ", COLUMNS) + ".");
			}
		}
		Item last = vector.get(vector.size() - 1);
		if (!UNIQUE.contains(last.key())) {
			throw ConduitError.core("Order vector \"" + asString + "\" is invalid: the last column in an order must be "
					+ "a column with unique values, but \"" + last.key() + "\" is not unique.");
		}
		for (Item item : vector.subList(0, vector.size() - 1)) {
			if (UNIQUE.contains(item.key())) {
				throw ConduitError.core("Order vector \"" + asString + "\" is invalid: only the last column in an "
						+ "order may be unique, but \"" + item.key() + "\" is a unique column and not the last column "
						+ "in the order.");
			}
		}
		return new UserSearchOrder(vector);
	}

	/** Each column's natural direction is descending, except usernames, which sort A to Z. */
	private static Comparator<PhorgeUser> column(String key) {
		return switch (key) {
			case "id" -> Comparator.comparingLong(PhorgeUser::id);
			case "username" -> Comparator.comparing((PhorgeUser user) -> user.userName().toLowerCase(Locale.ROOT));
			case "fulltext-created" -> Comparator.comparingLong(PhorgeUser::dateCreated);
			case "fulltext-modified" -> Comparator.comparingLong(PhorgeUser::dateModified);
			default -> (a, b) -> 0;
		};
	}

	private static Map<String, List<String>> builtin() {
		Map<String, List<String>> builtin = new LinkedHashMap<>();
		builtin.put("newest", List.of("id"));
		builtin.put("created", List.of("id"));
		builtin.put("oldest", List.of("-id"));
		builtin.put("relevance", List.of("rank", "fulltext-modified", "id"));
		return builtin;
	}

	/** One component of an order vector. */
	private record Item(String key, boolean reversed) {

		String scalar() {
			return (this.reversed ? "-" : "") + this.key;
		}

	}

}
