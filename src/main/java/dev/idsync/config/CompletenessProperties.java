package dev.idsync.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a source's read is trusted as complete ({@code idsync.completeness}). A read that ended in an error, had
 * unreadable rows, returned nobody, or shrank beyond this band since the last complete read is incomplete: nobody is
 * then concluded to have left or to be an orphan, and the run exits 1.
 *
 * @param maxDropPercent the largest shrink, in percent of the last complete read, still trusted
 * @param maxDropCount the largest shrink, in people, still trusted (both limits apply)
 */
public record CompletenessProperties(@DefaultValue("10") int maxDropPercent, @DefaultValue("50") int maxDropCount) {

	public CompletenessProperties {
		if (maxDropPercent < 0 || maxDropPercent > 100) {
			throw new ConfigException("idsync.completeness.max-drop-percent: " + maxDropPercent
					+ " is out of range. Use 0 to 100 (default 10).");
		}
		if (maxDropCount < 0) {
			throw new ConfigException("idsync.completeness.max-drop-count cannot be negative (default 50).");
		}
	}

}
