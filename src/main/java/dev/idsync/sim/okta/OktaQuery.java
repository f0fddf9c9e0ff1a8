package dev.idsync.sim.okta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.idsync.sim.SimExchange;
import org.jspecify.annotations.Nullable;

/**
 * One listing request: which resources it lists, which page of them, and which of its parameters the page's
 * {@code Link} URLs repeat.
 *
 * @param <T> the listed resource
 * @param params the request's query parameters
 * @param listed which resources the listing holds
 * @param id a resource's id, the cursor
 * @param paging the requested page
 * @param repeated the parameters the links repeat after {@code after} and {@code limit}, in order
 * @param paginates whether the listing has pages beyond the first ({@code q} searches do not)
 */
record OktaQuery<T>(Map<String, String> params, Predicate<T> listed, Function<T, String> id, OktaPaging paging,
		List<String> repeated, boolean paginates) {

	OktaQuery {
		params = Map.copyOf(params);
		repeated = List.copyOf(repeated);
	}

	/** The request's query parameters, the first value of each. */
	static Map<String, String> params(SimExchange exchange) {
		return SimExchange.asMap(exchange.query());
	}

	/** The page of {@code sortedById} this request asks for. */
	OktaPage<T> page(List<T> sortedById) {
		OktaPage<T> page = OktaPage.of(sortedById, this.id, this.listed, this.paging.after(), this.paging.limit());
		return this.paginates ? page : page.last();
	}

	/** The links of this listing's pages, whose URL without a query is {@code url}. */
	OktaLinks links(String url) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (String name : this.repeated) {
			if (this.params.containsKey(name)) {
				kept.put(name, this.params.get(name));
			}
		}
		return new OktaLinks(url, kept, this.paging.limit());
	}

	/** The requested cursor. */
	@Nullable String after() {
		return this.paging.after();
	}

}
