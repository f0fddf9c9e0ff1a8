package dev.idsync.sim.phorge;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Phorge's {@code ConduitParameterType}s for the types our methods read: strict encodings need JSON-typed values,
 * plain form fields are strings that are coerced ({@code "1"}, {@code "true"}, digits).
 */
final class ConduitTypes {

	private static final Map<String, Boolean> BOOL_STRINGS = Map.of("0", false, "1", true, "false", false, "true",
			true);

	private ConduitTypes() {
	}

	/** {@code ConduitBoolParameterType}. */
	static boolean bool(@Nullable Object value, String key, boolean strict) {
		if (!strict && value instanceof String string && BOOL_STRINGS.containsKey(string)) {
			return BOOL_STRINGS.get(string);
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw ConduitError.badValue(key, "Expected boolean (true or false), got something else.");
	}

	/** {@code ConduitStringParameterType}. */
	static String string(@Nullable Object value, String key) {
		if (value instanceof String string) {
			return string;
		}
		throw ConduitError.badValue(key, "Expected string, got something else.");
	}

	/** {@code ConduitIntParameterType}. */
	static long integer(@Nullable Object value, String key, boolean strict) {
		if (!strict && PhpValues.isDigits(value)) {
			BigInteger digits = new BigInteger((String) value);
			if (digits.bitLength() > 63) {
				throw ConduitError.badValue(key, "Integer overflow.");
			}
			return digits.longValue();
		}
		if (value instanceof Long number) {
			return number;
		}
		throw ConduitError.badValue(key, "Expected integer, got something else.");
	}

	/** {@code ConduitEpochParameterType}. */
	static long epoch(@Nullable Object value, String key, boolean strict) {
		long epoch = integer(value, key, strict);
		if (epoch <= 0) {
			throw ConduitError.badValue(key, "Epoch timestamp must be larger than 0, got " + epoch + ".");
		}
		return epoch;
	}

	/** {@code ConduitListParameterType}: a PHP array whose keys are exactly 0 to n-1. */
	static List<@Nullable Object> list(@Nullable Object value, String key) {
		if (!PhpValues.isArray(value)) {
			throw ConduitError.badValue(key, "Expected a list, but value is not a list.");
		}
		List<@Nullable Object> list = PhpValues.asList(value);
		if (list == null) {
			throw ConduitError.badValue(key, "Expected a list, but value is an object.");
		}
		return list;
	}

	/** {@code ConduitStringListParameterType} (and the PHID list type). */
	static List<String> stringList(@Nullable Object value, String key) {
		List<@Nullable Object> list = list(value, key);
		List<String> strings = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			strings.add(string(list.get(i), key + "[" + i + "]"));
		}
		return strings;
	}

	/** {@code ConduitIntListParameterType}. */
	static List<Long> intList(@Nullable Object value, String key, boolean strict) {
		List<@Nullable Object> list = list(value, key);
		List<Long> integers = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			integers.add(integer(list.get(i), key + "[" + i + "]", strict));
		}
		return integers;
	}

}
