package dev.idsync.domain;

/**
 * The outcome of one safety gate in one run.
 *
 * @param gate the gate, e.g. {@code completeness}, {@code first-run}, {@code blast-radius:DISABLE}
 * @param passed whether the gate let the run's actions through
 * @param message what the gate saw and, when it stopped the actions, how to review and allow them
 */
public record GateResult(String gate, boolean passed, String message) {
}
