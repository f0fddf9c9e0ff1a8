package dev.idsync.remediate;

/**
 * The port the write guard reads the rules through, afresh before each write: the exemption files and tables, the
 * configuration and idsync's own identity as they are at that moment.
 */
public interface CurrentRules {

	/**
	 * The rules now.
	 * @return the rules
	 * @throws RuntimeException when they cannot be read, or this process no longer holds the store: nothing is written
	 */
	WriteRules now();

}
