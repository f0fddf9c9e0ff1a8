package dev.idsync.domain;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a run may do about its findings: {@code idsync.remediation.mode}, or {@code idsync run --mode}.
 */
public enum Mode {

	/** Findings only: every action is reported with what apply would do with it, none is applied. */
	REPORT,

	/** Findings and a written plan for {@code idsync apply} to execute after review. */
	PLAN,

	/** Findings, then the actions the safety gates allow, applied in the same run. */
	APPLY;

	/** The mode named {@code report}, {@code plan} or {@code apply}, or {@code null} for any other name. */
	public static @Nullable Mode named(String name) {
		for (Mode mode : values()) {
			if (mode.name().equalsIgnoreCase(name.trim())) {
				return mode;
			}
		}
		return null;
	}

	/** The name as configured: {@code report}, {@code plan}, {@code apply}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
