package dev.idsync.sim.phorge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * PHP's loose semantics for the few operations Phorge's PHP code applies to request values.
 * <p>
 * Request values are {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link String}, {@link List} or
 * {@link Map} (a PHP array with string keys); both lists and maps are PHP arrays.
 */
final class PhpValues {

	private static final Pattern NUMERIC = Pattern
		.compile("[ \\t\\n\\r\\x0B\\f]*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?[ \\t\\n\\r\\x0B\\f]*");

	private static final Pattern LEADING_NUMBER = Pattern
		.compile("^[ \\t\\n\\r\\x0B\\f]*([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?)");

	private static final Pattern CANONICAL_INDEX = Pattern.compile("0|[1-9]\\d{0,17}");

	private PhpValues() {
	}

	/** PHP's boolean conversion: null, false, 0, 0.0, "", "0" and empty arrays are false. */
	static boolean truthy(@Nullable Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof Number number) {
			return number.doubleValue() != 0.0;
		}
		if (value instanceof String string) {
			return !string.isEmpty() && !string.equals("0");
		}
		return !entries(value).isEmpty();
	}

	/** Whether the value is a PHP array. */
	static boolean isArray(@Nullable Object value) {
		return value instanceof Map || value instanceof List;
	}

	/** PHP's string conversion, as {@code (string)} and {@code pht("%s")} perform it. */
	static String string(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Boolean bool) {
			return bool ? "1" : "";
		}
		if (value instanceof Double number) {
			return PhpJson.floatToString(number, false);
		}
		if (isArray(value)) {
			return "Array";
		}
		return value.toString();
	}

	/** Phorge's {@code phutil_string_cast()}: a string conversion that refuses arrays. */
	static String stringCast(@Nullable Object value) {
		if (isArray(value)) {
			throw ConduitError.core("Value passed to \"phutil_string_cast()\" is an array; arrays can not be sensibly "
					+ "cast to strings.");
		}
		return string(value);
	}

	/** PHP's {@code gettype()}. */
	static String type(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof Long) {
			return "integer";
		}
		if (value instanceof Double) {
			return "double";
		}
		return isArray(value) ? "array" : "string";
	}

	/** The entries of a PHP array in order; a list's positions become the keys "0", "1", and so on. */
	static Map<String, @Nullable Object> entries(@Nullable Object array) {
		Map<String, @Nullable Object> entries = new LinkedHashMap<>();
		if (array instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				entries.put(Integer.toString(i), list.get(i));
			}
		}
		else if (array instanceof Map<?, ?> map) {
			map.forEach((key, value) -> entries.put(String.valueOf(key), value));
		}
		return entries;
	}

	/** The PHP array as a list when its keys are exactly 0 to n-1 in order, else {@code null}. */
	static @Nullable List<@Nullable Object> asList(@Nullable Object value) {
		if (!isArray(value)) {
			return null;
		}
		List<@Nullable Object> list = new ArrayList<>();
		for (Map.Entry<String, @Nullable Object> entry : entries(value).entrySet()) {
			if (!entry.getKey().equals(Integer.toString(list.size()))) {
				return null;
			}
			list.add(entry.getValue());
		}
		return list;
	}

	/**
	 * The value as {@code json_encode()} would see a decoded PHP value: arrays whose keys are 0 to n-1 (including
	 * empty ones) are lists, other arrays are objects.
	 */
	static @Nullable Object normalized(@Nullable Object value) {
		if (!isArray(value)) {
			return value;
		}
		List<@Nullable Object> list = asList(value);
		if (list != null) {
			return list.stream().map(PhpValues::normalized).toList();
		}
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		entries(value).forEach((key, item) -> map.put(key, normalized(item)));
		return map;
	}

	/** The next key PHP gives {@code $array[] = ...}: one more than the largest integer key. */
	static String nextIndex(Map<String, ?> array) {
		long next = 0;
		for (String key : array.keySet()) {
			if (CANONICAL_INDEX.matcher(key).matches()) {
				next = Math.max(next, Long.parseLong(key) + 1);
			}
		}
		return Long.toString(next);
	}

	/** PHP's {@code is_numeric()}. */
	static boolean isNumeric(@Nullable Object value) {
		if (value instanceof Long || value instanceof Double) {
			return true;
		}
		return value instanceof String string && NUMERIC.matcher(string).matches();
	}

	/** PHP's {@code ctype_digit()} on a string: non-empty and only ASCII digits. */
	static boolean isDigits(@Nullable Object value) {
		return value instanceof String string && string.matches("[0-9]+");
	}

	/** PHP's {@code (int)} conversion, saturating as PHP 8 does. */
	static long intval(@Nullable Object value) {
		if (value instanceof Long number) {
			return number;
		}
		if (value instanceof Double number) {
			return number.isNaN() ? 0 : (long) number.doubleValue();
		}
		if (value instanceof String string) {
			Matcher matcher = LEADING_NUMBER.matcher(string);
			return matcher.find() ? toLong(matcher.group(1)) : 0;
		}
		return truthy(value) ? 1 : 0;
	}

	/** PHP 8's loose comparison {@code $value <=> $number}. */
	static int compare(@Nullable Object value, long number) {
		if (value instanceof Long integer) {
			return Long.compare(integer, number);
		}
		if (value instanceof Double real) {
			return Double.compare(real, number);
		}
		if (value instanceof String string) {
			if (isNumeric(string)) {
				return new BigDecimal(string.strip()).compareTo(BigDecimal.valueOf(number));
			}
			return Integer.signum(string.compareTo(Long.toString(number)));
		}
		if (isArray(value)) {
			return 1;
		}
		return Boolean.compare(truthy(value), number != 0);
	}

	/** Drops trailing spaces: MySQL's PAD SPACE collations ignore them when comparing strings. */
	static String padSpace(String value) {
		int end = value.length();
		while (end > 0 && value.charAt(end - 1) == ' ') {
			end--;
		}
		return value.substring(0, end);
	}

	private static long toLong(String number) {
		BigDecimal decimal = new BigDecimal(number);
		if (decimal.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			return Long.MAX_VALUE;
		}
		if (decimal.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
			return Long.MIN_VALUE;
		}
		return decimal.longValue();
	}

}
