package dev.idsync.sim.okta;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code after} and {@code limit} parameters of a listing request.
 *
 * @param after the cursor, or {@code null} for the first page
 * @param limit the page size, clamped to the endpoint's maximum as Okta does
 */
record OktaPaging(@Nullable String after, int limit) {

	/**
	 * Reads the parameters.
	 * @param params the request's query parameters
	 * @param fallback the endpoint's default page size
	 * @param max the endpoint's maximum page size
	 * @return the paging
	 * @throws OktaApiError E0000001 for a limit that is not a positive number
	 */
	static OktaPaging of(Map<String, String> params, int fallback, int max) {
		String value = params.get("limit");
		if (value == null) {
			return new OktaPaging(params.get("after"), fallback);
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit < 1) {
				throw OktaApiError.invalidParameter("limit");
			}
			return new OktaPaging(params.get("after"), Math.min(limit, max));
		}
		catch (NumberFormatException ex) {
			throw OktaApiError.invalidParameter("limit");
		}
	}

}
