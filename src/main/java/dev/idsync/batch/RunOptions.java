package dev.idsync.batch;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Mode;

/**
 * What one run may do, from the command line over the configuration.
 *
 * @param mode report, plan or apply
 * @param dryRun whether to change nothing whatever the mode ({@code --dry-run})
 * @param allowMassChange for this run only, how many actions of each type the blast-radius gate allows, or
 * {@code null}
 * @param allowFirstRun whether the first run against an empty link store may act
 * @param planFile where plan mode writes the plan, or {@code null} for the run's report folder
 */
public record RunOptions(Mode mode, boolean dryRun, @Nullable Integer allowMassChange, boolean allowFirstRun,
		@Nullable Path planFile) {

	/** Report mode: findings only. */
	public static RunOptions report() {
		return new RunOptions(Mode.REPORT, false, null, false, null);
	}

}
