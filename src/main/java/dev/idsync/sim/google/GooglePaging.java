package dev.idsync.sim.google;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a listing request starts and how much it takes: {@code maxResults} within the method's range and an opaque
 * {@code pageToken} that only the same query accepts.
 */
final class GooglePaging {

	private final int maxResults;

	private final int offset;

	private final String fingerprint;

	private GooglePaging(int maxResults, int offset, String fingerprint) {
		this.maxResults = maxResults;
		this.offset = offset;
		this.fingerprint = fingerprint;
	}

	/**
	 * Reads the paging parameters.
	 * @param maxResults the {@code maxResults} parameter, or {@code null}
	 * @param pageToken the {@code pageToken} parameter, or {@code null} for the first page
	 * @param defaultMax the method's default page size
	 * @param max the method's largest page size
	 * @param fingerprint what identifies the query, so a token is refused by any other
	 * @throws GoogleApiError 400 for a {@code maxResults} out of range or a foreign token
	 */
	static GooglePaging of(@Nullable String maxResults, @Nullable String pageToken, int defaultMax, int max,
			String fingerprint) {
		int size = (maxResults != null) ? maxResults(maxResults, max) : defaultMax;
		return new GooglePaging(size, (pageToken != null) ? offset(pageToken, fingerprint) : 0, fingerprint);
	}

	/** The page asked for, counting from 1 as faults do: {@code offset / maxResults + 1}. */
	int pageNumber() {
		return this.offset / this.maxResults + 1;
	}

	/** The page of {@code selected}, the query's whole ordered result. */
	<T> GooglePage<T> page(List<T> selected) {
		int from = Math.min(this.offset, selected.size());
		int to = Math.min(from + this.maxResults, selected.size());
		String next = (to < selected.size()) ? new GooglePageToken(to, this.fingerprint).encode() : null;
		return new GooglePage<>(selected.subList(from, to), next);
	}

	private static int maxResults(String value, int max) {
		try {
			int maxResults = Integer.parseInt(value);
			if (maxResults >= 1 && maxResults <= max) {
				return maxResults;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, like an out-of-range value
		}
		throw GoogleApiError.invalidParameter("maxResults",
				"Invalid value '" + value + "'. Values must be within the range: [1, " + max + "]");
	}

	private static int offset(String pageToken, String fingerprint) {
		GooglePageToken token = GooglePageToken.decode(pageToken);
		if (token.offset() < 0 || !token.fingerprint().equals(fingerprint)) {
			throw GoogleApiError.invalidInput();
		}
		return token.offset();
	}

}
