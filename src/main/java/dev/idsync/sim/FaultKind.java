package dev.idsync.sim;

import java.util.Locale;

/**
 * What a simulated service does wrong on a faulty page, for tests and for anyone evaluating idsync.
 */
public enum FaultKind {

	/** A 5xx answer. */
	HTTP500,

	/** The page's body cut off mid-way and the connection closed. */
	TRUNCATE,

	/** HTTP 200 with no users at all, and no next page: a listing that silently ends early. */
	EMPTY,

	/** The page answers normally, after {@link #SLOW_MILLIS}. */
	SLOW,

	/** HTTP 200 with a body that is not valid JSON. */
	BADJSON,

	/** A 429 answer (a storm, when persistent), in the service's own format. */
	RATELIMIT,

	/** Nothing listens on the service's port, so every connection is refused: for Phorge's database only. */
	DOWN;

	/** How long a {@link #SLOW} page waits before answering. */
	public static final long SLOW_MILLIS = 2_000;

	/** The kind named on the command line, e.g. {@code http500}. */
	static FaultKind of(String name) {
		for (FaultKind kind : values()) {
			if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown fault kind '" + name
				+ "': use http500, truncate, empty, slow, badjson or ratelimit (or down, for phorge-db)");
	}

}
