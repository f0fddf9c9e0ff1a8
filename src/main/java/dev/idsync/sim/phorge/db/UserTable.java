package dev.idsync.sim.phorge.db;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.sim.phorge.PhorgeUser;

/**
 * Phorge's {@code <prefix>user.user} table, written as Phorge's user editor writes it: the columns a Conduit edit
 * can change, and {@code dateModified}.
 */
final class UserTable {

	private final JdbcTemplate jdbc;

	private final String update;

	UserTable(DataSource dataSource, String prefix) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.update = "UPDATE `" + PhorgeSchema.requirePrefix(prefix) + "user`.`user` SET `realName` = ?, "
				+ "`isDisabled` = ?, `isApproved` = ?, `dateModified` = ? WHERE `phid` = ?";
	}

	/** Stores the edited user; fails when the table has no row for it. */
	void update(PhorgeUser user) {
		int updated = this.jdbc.update(this.update, user.realName(), user.disabled() ? 1 : 0, user.approved() ? 1 : 0,
				user.dateModified(), user.phid());
		if (updated != 1) {
			throw new IllegalStateException("Phorge's user table has no row for " + user.phid());
		}
	}

}
