package dev.idsync.source.file;

import dev.idsync.source.SourceException;

/**
 * Where the next page starts, and which version of the file the read is of: {@code offset:line:modified:size}.
 *
 * @param offset the byte offset of the next record
 * @param line the number of the line it starts on
 * @param stamp the file's version when the read began
 */
record Cursor(long offset, int line, FileStamp stamp) {

	/**
	 * Reads a cursor that {@link #text()} wrote.
	 * @param source the source's name, for the message
	 * @param cursor the cursor
	 * @throws SourceException when the text is not such a cursor
	 */
	static Cursor parse(String source, String cursor) {
		String[] parts = cursor.split(":");
		try {
			if (parts.length == 4 && Long.parseLong(parts[0]) >= 0 && Integer.parseInt(parts[1]) >= 1) {
				return new Cursor(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
						new FileStamp(Long.parseLong(parts[2]), Long.parseLong(parts[3])));
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new SourceException(source, "'" + cursor + "' is not a cursor of a file source", null);
	}

	/** The cursor as pages carry it. */
	String text() {
		return this.offset + ":" + this.line + ":" + this.stamp.modified() + ":" + this.stamp.size();
	}

	/**
	 * A version of the file: a read whose file changes between pages would mix two exports.
	 *
	 * @param modified the last-modified time in milliseconds
	 * @param size the size in bytes
	 */
	record FileStamp(long modified, long size) {
	}

}
