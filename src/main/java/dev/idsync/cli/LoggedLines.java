package dev.idsync.cli;

import java.io.Writer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Standard error of a command that logs JSON: each line the command prints there (what went wrong) is logged as an
 * error event instead, a JSON object like every other line.
 */
final class LoggedLines extends Writer {

	private static final Log log = LogFactory.getLog("dev.idsync.cli");

	private final StringBuilder line = new StringBuilder();

	@Override
	public synchronized void write(char[] chars, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			if (chars[i] == '\n') {
				emit();
			}
			else if (chars[i] != '\r') {
				this.line.append(chars[i]);
			}
		}
	}

	@Override
	public void flush() {
		// a line is logged when it ends
	}

	@Override
	public synchronized void close() {
		if (!this.line.isEmpty()) {
			emit();
		}
	}

	private void emit() {
		log.error(this.line.toString());
		this.line.setLength(0);
	}

}
