package dev.idsync.domain;

/**
 * How much a finding asks of an admin.
 */
public enum Severity {

	/** Consistent: nothing to do. */
	OK,

	/** Worth knowing, not wrong (for example a joiner who has not asked for an account yet). */
	INFO,

	/** Drift: something is wrong or needs a human. A run that finds any exits 2. */
	DRIFT

}
