package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The {@code constraints} of {@code user.search}: the keys a viewer may use, how their values are read (as
 * {@code PhabricatorPeopleSearchEngine}'s search fields read them) and the filter the resulting query applies.
 */
final class UserSearchConstraints {

	private UserSearchConstraints() {
	}

	/**
	 * Reads {@code constraints} into query parameters, keyed by each field's main key.
	 * @throws ConduitError {@code ERR-INVALID-CONSTRAINTS-FORMAT}, {@code ERR-INVALID-CONSTRAINT} or a value error
	 */
	static Map<String, Object> read(@Nullable Object constraints, PhorgeUser viewer, boolean strict) {
		if (constraints != null && !PhpValues.isArray(constraints)) {
			throw new ConduitError("ERR-INVALID-CONSTRAINTS-FORMAT",
					"Parameter \"constraints\" must be a map of constraints.");
		}
		Map<String, @Nullable Object> given = PhpValues.entries(constraints);
		List<Field> fields = fields(viewer);
		for (String key : given.keySet()) {
			if (fields.stream().noneMatch((field) -> field.keys().contains(key))) {
				throw new ConduitError("ERR-INVALID-CONSTRAINT", "Parameter \"constraints\" includes an invalid key.");
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field field : fields) {
			field.keys()
				.stream()
				.filter(given::containsKey)
				.findFirst()
				.ifPresent((key) -> values.put(field.keys().get(0), field.type().read(given.get(key), key, strict)));
		}
		return values;
	}

	/** Whether the parameters hold a fulltext query, which makes the Ferret order columns count. */
	static boolean hasFulltext(Map<String, Object> parameters) {
		return !UserFulltext.terms(parameters.getOrDefault("query", "").toString()).isEmpty();
	}

	/** The users the parameters select; like Phorge, falsy lists, strings and dates constrain nothing. */
	/** Whether the parameters constrain nothing, so that every user matches. */
	static boolean selectsAll(Map<String, Object> parameters) {
		return parameters.values().stream().noneMatch((value) -> PhpValues.truthy(value) || value instanceof Boolean);
	}

	static Predicate<PhorgeUser> filter(Map<String, Object> parameters) {
		List<Predicate<PhorgeUser>> tests = new ArrayList<>();
		parameters.forEach((key, value) -> {
			if (PhpValues.truthy(value) || value instanceof Boolean) {
				tests.add(test(key, value));
			}
		});
		return (user) -> tests.stream().allMatch((test) -> test.test(user));
	}

	private static Predicate<PhorgeUser> test(String key, Object value) {
		return switch (key) {
			case "ids" -> (user) -> ((List<?>) value).contains(user.id());
			case "phids" -> (user) -> ((List<?>) value).contains(user.phid());
			case "usernames" -> (user) -> ((List<?>) value).stream()
				.anyMatch((name) -> PhpValues.padSpace(name.toString()).equalsIgnoreCase(user.userName()));
			case "nameLike" -> (user) -> nameLike(user, value.toString());
			case "isAdmin" -> (user) -> user.admin() == (boolean) value;
			case "isDisabled" -> (user) -> user.disabled() == (boolean) value;
			case "isBot" -> (user) -> user.bot() == (boolean) value;
			case "isMailingList" -> (user) -> user.mailingList() == (boolean) value;
			case "needsApproval" -> (user) -> user.approved() != (boolean) value;
			case "mfa" -> (user) -> user.mfa() == (boolean) value;
			case "createdStart" -> (user) -> user.dateCreated() >= (long) value;
			case "createdEnd" -> (user) -> user.dateCreated() <= (long) value;
			case "query" -> (user) -> UserFulltext.matches(user, value.toString());
			default -> throw new IllegalArgumentException("Unknown constraint " + key);
		};
	}

	/** {@code username LIKE %s% OR realName LIKE %s%}: the username column ignores case, the real name is binary. */
	private static boolean nameLike(PhorgeUser user, String fragment) {
		return user.userName().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))
				|| user.realName().contains(fragment);
	}

	private static List<Field> fields(PhorgeUser viewer) {
		List<Field> fields = new ArrayList<>();
		fields.add(new Field(List.of("query"), (value, key, strict) -> ConduitTypes.string(value, key)));
		fields.add(new Field(List.of("usernames", "username"), (value, key, strict) -> ConduitTypes.stringList(value,
				key)));
		fields.add(new Field(List.of("nameLike"), (value, key, strict) -> ConduitTypes.string(value, key)));
		for (String flag : List.of("isAdmin", "isDisabled", "isBot", "isMailingList", "needsApproval", "mfa")) {
			if (!flag.equals("mfa") || viewer.admin()) {
				List<String> keys = flag.equals("isBot") ? List.of("isBot", "isSystemAgent") : List.of(flag);
				fields.add(new Field(keys, ConduitTypes::bool));
			}
		}
		fields.add(new Field(List.of("createdStart"), ConduitTypes::epoch));
		fields.add(new Field(List.of("createdEnd"), ConduitTypes::epoch));
		fields.add(new Field(List.of("ids"), ConduitTypes::intList));
		fields.add(new Field(List.of("phids"), (value, key, strict) -> ConduitTypes.stringList(value, key)));
		return fields;
	}

	/** A search field: its key and aliases, and its Conduit parameter type. */
	private record Field(List<String> keys, Type type) {

	}

	@FunctionalInterface
	private interface Type {

		Object read(@Nullable Object value, String key, boolean strict);

	}

}
