package dev.idsync.source.file;

/**
 * A record that yields no person, and why.
 *
 * @param line the 1-based number of the physical line the record starts on
 * @param what what is wrong and the fix
 */
record Problem(int line, String what) implements Row, Outcome {

	/** The problem as a page reports it, e.g. {@code line 17: email is blank (column 'mail'); ...}. */
	String report() {
		return "line " + this.line + ": " + this.what;
	}

}
