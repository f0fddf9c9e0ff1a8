package dev.idsync.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What idsync's store does differently on H2 and on PostgreSQL, the product asked once.
 */
final class StoreDialect {

	private final JdbcTemplate jdbc;

	private volatile Boolean h2;

	StoreDialect(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@code USE INDEX (index)} on H2, else nothing: to follow a table name in a {@code FROM} clause. H2's planner
	 * weighs every index on {@code run_id} alike, may pick one that does not give a large read its order, and then
	 * sorts the whole run, in a temporary file when it is larger than its memory rows. PostgreSQL plans by its
	 * statistics, and takes no hint. (H2's lazy query execution, which would also stream such reads, was tried and
	 * dropped: a long lazy read during the run's writes failed with "MVStoreException: Chunk … not found" in H2
	 * 2.4.240.)
	 */
	String useIndex(String index) {
		return h2() ? " USE INDEX (" + index + ")" : "";
	}

	/**
	 * Refreshes PostgreSQL's statistics of tables a step has just filled: without them its planner takes tables that
	 * were empty a minute ago for empty, and plans joins over them as nested loops. H2 needs nothing.
	 * @param tables the tables, comma-separated
	 */
	void analyze(String tables) {
		if (!h2()) {
			this.jdbc.execute("ANALYZE " + tables);
		}
	}

	private boolean h2() {
		Boolean known = this.h2;
		if (known == null) {
			known = "H2".equals(DurableWrites.product(this.jdbc));
			this.h2 = known;
		}
		return known;
	}

}
