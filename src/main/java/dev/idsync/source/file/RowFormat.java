package dev.idsync.source.file;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * How a file's lines make records: CSV or JSON lines.
 */
interface RowFormat {

	/**
	 * Reads the next record.
	 * @param lines the file, positioned at a record's start
	 * @return the record, or {@code null} at the end of the file
	 */
	@Nullable Row read(LineReader lines) throws IOException;

}
