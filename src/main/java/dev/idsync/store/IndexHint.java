package dev.idsync.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Names the index a streamed read must go through, on H2: there a query streams its rows (lazy execution) only when an
 * index gives its order, and H2's planner, which weighs every index on {@code run_id} alike, may pick another one and
 * then sort the whole run into a temporary result on disk. PostgreSQL plans by its statistics, and takes no hint.
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
