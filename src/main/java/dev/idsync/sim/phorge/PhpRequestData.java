package dev.idsync.sim.phorge;

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

}
