package dev.idsync.source.file;

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Reads a file's records one at a time, and tells where the next one starts so a later page can resume there.
 */
final class RowReader implements Closeable {

	private final LineReader lines;

	private final RowFormat format;

	RowReader(LineReader lines, RowFormat format) {
		this.lines = lines;
		this.format = format;
	}

	/** The next record, or {@code null} at the end of the file. */
	@Nullable Row next() throws IOException {
		return this.format.read(this.lines);
	}

	/** Whether no record remains. */
	boolean atEnd() throws IOException {
		return this.lines.atEnd();
	}

	/** The byte offset of the next record. */
	long offset() {
		return this.lines.offset();
	}

	/** The number of the line the next record starts on. */
	int line() {
		return this.lines.number();
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
	}

}
