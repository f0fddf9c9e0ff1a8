package dev.idsync.source.file;

/**
 * The ids seen in one read of a file, each with the line it first appeared on. It keeps a 64-bit fingerprint of each id
 * instead of the id (12 bytes a slot, about 25 MB for a million ids), so a large file reads in little memory; that
 * two of a million distinct ids share a fingerprint has a chance below one in ten million.
 */
final class SeenIds {

	private static final int INITIAL_CAPACITY = 1 << 10;

	private long[] fingerprints = new long[INITIAL_CAPACITY];

	private int[] lines = new int[INITIAL_CAPACITY];

	private int size;

	/**
	 * Records an id unless it was seen before.
	 * @param id the id
	 * @param line the line it appears on
	 * @return the line it first appeared on: {@code line} when it is new
	 */
	int firstLine(String id, int line) {
		long fingerprint = fingerprint(id);
		int slot = slot(this.fingerprints, fingerprint);
		if (this.fingerprints[slot] == fingerprint) {
			return this.lines[slot];
		}
		this.fingerprints[slot] = fingerprint;
		this.lines[slot] = line;
		if (++this.size * 4 > this.fingerprints.length * 3) {
			grow();
		}
		return line;
	}

	/** The slot holding {@code fingerprint}, or the empty slot where it belongs (linear probing; 0 marks empty). */
	private static int slot(long[] table, long fingerprint) {
		int mask = table.length - 1;
		int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
		while (table[slot] != 0 && table[slot] != fingerprint) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] fingerprints = new long[this.fingerprints.length * 2];
		int[] lines = new int[fingerprints.length];
		for (int i = 0; i < this.fingerprints.length; i++) {
			if (this.fingerprints[i] != 0) {
				int slot = slot(fingerprints, this.fingerprints[i]);
				fingerprints[slot] = this.fingerprints[i];
				lines[slot] = this.lines[i];
			}
		}
		this.fingerprints = fingerprints;
		this.lines = lines;
	}

	/** FNV-1a over the id's characters, then MurmurHash3's finalizer to spread the bits; never 0. */
	static long fingerprint(String id) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < id.length(); i++) {
			hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
		}
		hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
		hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return (hash != 0) ? hash : 1;
	}

}
