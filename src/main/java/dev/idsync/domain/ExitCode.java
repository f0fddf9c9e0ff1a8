package dev.idsync.domain;

import java.util.Map;

/**
 * What a run's exit status tells cron: documented in the README and {@code --help}.
 */
public enum ExitCode {

	/** The run completed and found no drift. */
	NO_DRIFT(0),

	/**
	 * The run failed (configuration mistake, unreachable system), or a source could not be read completely (the
	 * report then says which and why). Nothing was changed.
	 */
	ERROR(1),

	/** The run completed and found drift (report-only runs too, so that cron can alert). */
	DRIFT(2),

	/** A safety gate stopped the run's actions. */
	GATE_STOPPED(3);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	/** The process exit status. */
	public int code() {
		return this.code;
	}

	/** The outcome of a run that read its sources as {@code completeness} says and found what the counts say. */
	public static ExitCode of(Map<Category, Long> countsByCategory, Completeness completeness) {
		return completeness.all() ? of(countsByCategory) : ERROR;
	}

	/**
	 * The outcome of a run that read its sources as {@code completeness} says, found what the counts say, and whose
	 * actions a safety gate did or did not stop.
	 */
	public static ExitCode of(Map<Category, Long> countsByCategory, Completeness completeness, boolean gateStopped) {
		if (!completeness.all()) {
			return ERROR;
		}
		return gateStopped ? GATE_STOPPED : of(countsByCategory);
	}

	/** The outcome of a completed run, every source complete, with these finding counts. */
	public static ExitCode of(Map<Category, Long> countsByCategory) {
		boolean drift = countsByCategory.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().severity() == Severity.DRIFT && entry.getValue() > 0);
		return drift ? DRIFT : NO_DRIFT;
	}

}
