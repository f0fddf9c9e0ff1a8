package dev.idsync.sim.phorge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A request's data as Phorge sees it: form and query pairs parsed by {@code PhutilQueryStringParser}, which applies
 * PHP's array nomenclature ({@code a[b][0]=v}) without PHP's mangling of dots in names, and POST data taking
 * precedence over the query string ({@code $_POST + $_GET}).
 */
final class PhpRequestData {

	private static final Pattern ARRAY_KEY = Pattern.compile("[^\\[\\]]+(?:\\[[^\\[\\]]*\\])+");

	private PhpRequestData() {
	}

	/** Merges POST data over query-string data, top-level keys only, as PHP's array union does. */
	static Map<String, @Nullable Object> of(List<Map.Entry<String, String>> post,
			List<Map.Entry<String, String>> query) {
		Map<String, @Nullable Object> data = parse(post);
		parse(query).forEach(data::putIfAbsent);
		return data;
	}

	/** Builds nested PHP arrays (as ordered maps of strings) from ordered pairs. */
	static Map<String, @Nullable Object> parse(List<Map.Entry<String, String>> pairs) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		for (Map.Entry<String, String> pair : pairs) {
			if (!pair.getKey().isEmpty()) {
				put(data, pair.getKey(), pair.getValue());
			}
		}
		return data;
	}

	/** Splits a form-encoded body into decoded pairs the way PHP's {@code urldecode()} does: never failing. */
	static List<Map.Entry<String, String>> pairs(byte[] body) {
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		for (String part : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int eq = part.indexOf('=');
			String key = (eq < 0) ? part : part.substring(0, eq);
			String value = (eq < 0) ? "" : part.substring(eq + 1);
			pairs.add(Map.entry(urldecode(key), urldecode(value)));
		}
		return pairs;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, @Nullable Object> data, String key, String value) {
		if (!ARRAY_KEY.matcher(key).matches()) {
			data.put(key, value);
			return;
		}
		String[] pieces = stripTrailingBrackets(key).split("\\]?\\[", -1);
		Map<String, @Nullable Object> cursor = data;
		for (int i = 0; i < pieces.length - 1; i++) {
			String piece = pieces[i].isEmpty() ? PhpValues.nextIndex(cursor) : pieces[i];
			Object existing = cursor.get(piece);
			if (!(existing instanceof Map<?, ?> map) || map.isEmpty()) {
				existing = new LinkedHashMap<String, @Nullable Object>();
				cursor.put(piece, existing);
			}
			cursor = (Map<String, @Nullable Object>) existing;
		}
		String last = pieces[pieces.length - 1];
		cursor.put(last.isEmpty() ? PhpValues.nextIndex(cursor) : last, value);
	}

	private static String stripTrailingBrackets(String key) {
		int end = key.length();
		while (end > 0 && key.charAt(end - 1) == ']') {
			end--;
		}
		return key.substring(0, end);
	}

	private static String urldecode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < raw.length; i++) {
			int hi = (i + 2 < raw.length) ? Character.digit(raw[i + 1], 16) : -1;
			int lo = (i + 2 < raw.length) ? Character.digit(raw[i + 2], 16) : -1;
			if (raw[i] == '%' && hi >= 0 && lo >= 0) {
				bytes.write(hi * 16 + lo);
				i += 2;
			}
			else {
				bytes.write((raw[i] == '+') ? ' ' : raw[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
