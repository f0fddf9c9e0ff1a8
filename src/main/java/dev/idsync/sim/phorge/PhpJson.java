package dev.idsync.sim.phorge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as Phorge writes and reads it: PHP's {@code json_encode()} with default flags (slashes escaped as
 * {@code \/}, everything outside ASCII as lower-case {@code \}{@code uXXXX}, no spaces) followed by Phorge's
 * response filter that turns {@code <} and {@code >} into {@code \}{@code u003c} and {@code \}{@code u003e}; and
 * PHP's {@code json_decode($json, true)}, which yields integers, floats, strings, lists and ordered maps.
 */
final class PhpJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private PhpJson() {
	}

	/**
	 * Encodes {@code value}: maps become objects (keys in map order, so an empty map is {@code {}}), lists become
	 * arrays, and strings, numbers, booleans and {@code null} their JSON forms.
	 */
	static String encode(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		append(json, value);
		return json.toString();
	}

	/**
	 * Decodes {@code json} as PHP does; integers that do not fit 64 bits become floats.
	 * @throws IllegalArgumentException when the text is not exactly one JSON value
	 */
	static @Nullable Object decode(String json) {
		try {
			return fromJackson(MAPPER.readValue(json, Object.class));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not JSON", ex);
		}
	}

	/**
	 * PHP's rendering of a float: {@code json_encode()} writes the shortest round-trip digits, a string conversion
	 * 14 significant digits; both switch to an exponent outside PHP's range.
	 */
	static String floatToString(double value, boolean json) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.isNaN(value) ? "NAN" : ((value > 0) ? "INF" : "-INF");
		}
		if (value == 0) {
			return (1 / value < 0) ? "-0" : "0";
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value));
		decimal = (json ? decimal : decimal.round(new MathContext(14))).stripTrailingZeros();
		String digits = decimal.unscaledValue().abs().toString();
		int point = digits.length() - decimal.scale();
		String sign = (value < 0) ? "-" : "";
		if (point < -3 || point > (json ? 17 : 14)) {
			String mantissa = digits.substring(0, 1) + "." + ((digits.length() > 1) ? digits.substring(1) : "0");
			int exponent = point - 1;
			return sign + mantissa + (json ? "e" : "E") + ((exponent < 0) ? "-" : "+") + Math.abs(exponent);
		}
		return sign + decimal.abs().toPlainString();
	}

	private static void append(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof String string) {
			appendString(json, string);
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
				|| value instanceof BigInteger) {
			json.append(value);
		}
		else if (value instanceof Double real) {
			json.append(floatToString(real, true));
		}
		else if (value instanceof Map<?, ?> map) {
			appendObject(json, map);
		}
		else if (value instanceof List<?> list) {
			appendList(json, list);
		}
		else {
			throw new IllegalArgumentException("Cannot encode " + value.getClass().getName());
		}
	}

	private static void appendObject(StringBuilder json, Map<?, ?> map) {
		json.append('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			json.append(first ? "" : ",");
			appendString(json, String.valueOf(entry.getKey()));
			json.append(':');
			append(json, entry.getValue());
			first = false;
		}
		json.append('}');
	}

	private static void appendList(StringBuilder json, List<?> list) {
		json.append('[');
		for (int i = 0; i < list.size(); i++) {
			json.append((i > 0) ? "," : "");
			append(json, list.get(i));
		}
		json.append(']');
	}

	private static void appendString(StringBuilder json, String string) {
		json.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '/' -> json.append("\\/");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> appendChar(json, c);
			}
		}
		json.append('"');
	}

	private static void appendChar(StringBuilder json, char c) {
		if (c < 0x20 || c > 0x7f || c == '<' || c == '>') {
			json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
				.append(HEX[c & 0xf]);
		}
		else {
			json.append(c);
		}
	}

	private static @Nullable Object fromJackson(@Nullable Object value) {
		if (value instanceof Integer number) {
			return number.longValue();
		}
		if (value instanceof BigInteger number) {
			return (number.bitLength() < 64) ? (Object) number.longValue() : (Object) number.doubleValue();
		}
		if (value instanceof BigDecimal number) {
			return number.doubleValue();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put(String.valueOf(key), fromJackson(item)));
			return converted;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> converted = new ArrayList<>();
			list.forEach((item) -> converted.add(fromJackson(item)));
			return converted;
		}
		return value;
	}

}
