package dev.idsync.remediate;

import dev.idsync.domain.Completeness;

/**
 * What the run-level safety gates look at.
 *
 * @param completeness whether every source was read completely, and why not
 * @param firstRun whether no earlier run has linked any identity to an account (the link store was empty)
 * @param population how many human accounts Phorge has: the base of the blast-radius percentages
 * @param report where the run's report is, for the gates' messages
 */
public record RunFacts(Completeness completeness, boolean firstRun, long population, String report) {
}
