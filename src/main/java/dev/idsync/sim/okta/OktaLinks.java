package dev.idsync.sim.okta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Link} headers of a page: one header per relation, never comma-joined (Okta SDK 24 reads only the
 * first relation of a header), each URL repeating the request's parameters as {@code after, limit, …}.
 *
 * @param url the listing's absolute URL without a query, e.g. {@code http://127.0.0.1:1234/api/v1/users}
 * @param params the parameters to repeat, in order (without {@code after} and {@code limit})
 * @param limit the page size
 */
record OktaLinks(String url, Map<String, String> params, int limit) {

	OktaLinks {
		params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

	/**
	 * The {@code Link} values of the page requested with {@code after} whose next cursor is {@code nextAfter}:
	 * {@code self} first, then {@code next} unless it is the last page.
	 */
	List<String> of(@Nullable String after, @Nullable String nextAfter) {
		List<String> links = new ArrayList<>();
		links.add("<" + url(after) + ">; rel=\"self\"");
		if (nextAfter != null) {
			links.add("<" + url(nextAfter) + ">; rel=\"next\"");
		}
		return links;
	}

	private String url(@Nullable String after) {
		Map<String, String> query = new LinkedHashMap<>();
		if (after != null) {
			query.put("after", after);
		}
		query.put("limit", Integer.toString(this.limit));
		query.putAll(this.params);
		StringBuilder url = new StringBuilder(this.url);
		query.forEach((name, value) -> url.append((url.indexOf("?") < 0) ? '?' : '&')
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
		return url.toString();
	}

}
