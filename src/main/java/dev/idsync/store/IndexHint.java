package dev.idsync.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Names the index a large ordered read must go through, on H2: its planner weighs every index on {@code run_id} alike,
 * may pick one that does not give the order, and then sorts the whole run, in a temporary file when it is larger than
 * its memory rows. PostgreSQL plans by its statistics, and takes no hint. (H2's lazy query execution, which would
 * also stream such reads, was tried and dropped: a long lazy read during the run's writes failed with
 * "MVStoreException: Chunk … not found" in H2 2.4.240.)
 */
final class IndexHint {

	private final JdbcTemplate jdbc;

	private volatile Boolean h2;

	IndexHint(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code USE INDEX (index)} on H2, else nothing: to follow a table name in a {@code FROM} clause. */
	String use(String index) {
		Boolean known = this.h2;
		if (known == null) {
			known = "H2".equals(DurableWrites.product(this.jdbc));
			this.h2 = known;
		}
		return known ? " USE INDEX (" + index + ")" : "";
	}

}
