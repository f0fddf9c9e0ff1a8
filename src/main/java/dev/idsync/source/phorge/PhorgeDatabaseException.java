package dev.idsync.source.phorge;

import org.jspecify.annotations.Nullable;

import dev.idsync.source.SourceException;

/**
 * A read of Phorge's database that failed: the server could not be reached, refused idsync's user, or refused a
 * query. The message names the table and carries the database's own message, never the password.
 */
public class PhorgeDatabaseException extends SourceException {

	private final String table;

	PhorgeDatabaseException(String table, String message, @Nullable Throwable cause) {
		super("phorge-db", table + ": " + message, cause);
		this.table = table;
	}

	/** The table whose read failed, e.g. {@code phabricator_user.user_email}. */
	public String table() {
		return this.table;
	}

}
