package dev.idsync.sim.google;

import java.util.List;
import java.util.Map;

import dev.idsync.sim.SimExchange;

/**
 * One {@code members.list} request: which page ({@code maxResults} up to 200, {@code pageToken}) of which group's
 * members. {@code includeDerivedMembership} changes nothing (the simulator has no nested groups) and {@code roles}
 * is ignored: every member is a plain {@code MEMBER}.
 */
final class GoogleMemberQuery {

	// members.list reference: "Maximum number of results to return. Max allowed value is 200." It is also the default.
	private static final int MAX_RESULTS = 200;

	private final GooglePaging paging;

	private GoogleMemberQuery(GooglePaging paging) {
		this.paging = paging;
	}

	/**
	 * Reads the request's parameters.
	 * @throws GoogleApiError 400 for a {@code maxResults} out of range or a foreign {@code pageToken}
	 */
	static GoogleMemberQuery of(SimExchange exchange, GoogleSimGroup group) {
		Map<String, String> params = SimExchange.asMap(exchange.query());
		return new GoogleMemberQuery(GooglePaging.of(params.get("maxResults"), params.get("pageToken"), MAX_RESULTS,
				MAX_RESULTS, Integer.toHexString(("members\n" + group.id()).hashCode())));
	}

	/** The page asked for, counting from 1. */
	int pageNumber() {
		return this.paging.pageNumber();
	}

	/** The page this request asks for among the group's {@code members}. */
	GooglePage<GoogleSimUser> page(List<GoogleSimUser> members) {
		return this.paging.page(members);
	}

}
