package dev.idsync.source.file;

import org.jspecify.annotations.Nullable;

/**
 * The ids of the current read of a file and how far into the file they go, so that an id repeated on a later page
 * is still reported as a duplicate.
 */
final class IdLedger {

	private SeenIds ids = new SeenIds();

	private Cursor.@Nullable FileStamp stamp;

	private long scanned;

	/** Starts over, for a read of the given version of the file. */
	void restart(Cursor.FileStamp stamp) {
		this.ids = new SeenIds();
		this.stamp = stamp;
		this.scanned = 0;
	}

	/** Whether every id before the cursor's record is known. */
	boolean covers(Cursor cursor) {
		return cursor.stamp().equals(this.stamp) && this.scanned >= cursor.offset();
	}

	/** Notes that every id before {@code offset} is known. */
	void scanned(long offset) {
		this.scanned = Math.max(this.scanned, offset);
	}

	/**
	 * Records an id unless it was seen before.
	 * @return the line it first appeared on: {@code line} when it is new
	 */
	int firstLine(String id, int line) {
		return this.ids.firstLine(id, line);
	}

}
