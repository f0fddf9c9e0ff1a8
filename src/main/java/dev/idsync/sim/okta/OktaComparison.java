package dev.idsync.sim.okta;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * One {@code attribute operator "value"} clause of an Okta expression: dates compare as instants, everything else as
 * case-insensitive text.
 */
final class OktaComparison {

	private OktaComparison() {
	}

	/**
	 * The clause as a predicate.
	 * @param <T> the resource compared
	 * @param fields the resource's attributes
	 * @param attribute the attribute, already checked by the caller
	 * @param operator {@code eq, gt, ge, lt, le} or {@code sw}
	 * @param literal the value, unquoted
	 * @return the predicate; a resource whose attribute is unset never matches
	 * @throws OktaApiError E0000031 for an unknown operator or a malformed date
	 */
	static <T> Predicate<T> of(OktaFields<T> fields, String attribute, String operator, String literal) {
		if (fields.temporal(attribute)) {
			Instant expected = instant(literal);
			return matching(fields, attribute, outcome(operator), (actual) -> ((Instant) actual).compareTo(expected));
		}
		if (operator.equals("sw") || (operator.equals("eq") && fields.equalityIsPrefix())) {
			String prefix = literal.toLowerCase(Locale.ROOT);
			return matching(fields, attribute, (c) -> c == 0,
					(actual) -> actual.toString().toLowerCase(Locale.ROOT).startsWith(prefix) ? 0 : 1);
		}
		return matching(fields, attribute, outcome(operator),
				(actual) -> actual.toString().compareToIgnoreCase(literal));
	}

	private static <T> Predicate<T> matching(OktaFields<T> fields, String attribute, IntPredicate outcome,
			ToIntFunction<Object> comparing) {
		return (item) -> {
			Object actual = fields.value(item, attribute);
			return actual != null && outcome.test(comparing.applyAsInt(actual));
		};
	}

	private static IntPredicate outcome(String operator) {
		return switch (operator) {
			case "eq" -> (c) -> c == 0;
			case "gt" -> (c) -> c > 0;
			case "ge" -> (c) -> c >= 0;
			case "lt" -> (c) -> c < 0;
			case "le" -> (c) -> c <= 0;
			default -> throw OktaApiError.invalidSearch();
		};
	}

	private static Instant instant(String literal) {
		try {
			return Instant.parse(literal);
		}
		catch (DateTimeParseException ex) {
			throw OktaApiError.invalidSearch();
		}
	}

}
