package dev.idsync.sim.phorge.db;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.sim.phorge.PhorgeToken;

/**
 * Phorge's {@code <prefix>conduit.conduit_token} table, read as {@code PhabricatorConduitAPIController} reads it
 * for every call: by the exact token ({@code utf8mb4_bin}).
 */
final class ConduitTokenTable {

	private final JdbcTemplate jdbc;

	private final String select;

	ConduitTokenTable(DataSource dataSource, String prefix) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.select = "SELECT `objectPHID`, `tokenType`, `token`, `expires`, `dateCreated`, `tokenName` FROM `"
				+ PhorgeSchema.requirePrefix(prefix) + "conduit`.`conduit_token` WHERE `token` = ?";
	}

	/** The row holding exactly this secret. */
	Optional<PhorgeToken> find(String secret) {
		return this.jdbc.query(this.select, (row, index) -> {
			long expires = row.getLong("expires");
			Long expiry = row.wasNull() ? null : expires;
			return new PhorgeToken(row.getString("objectPHID"), row.getString("tokenType"), row.getString("token"),
					expiry, row.getLong("dateCreated"), row.getString("tokenName"));
		}, secret).stream().findFirst();
	}

}
