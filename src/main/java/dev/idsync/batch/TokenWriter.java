package dev.idsync.batch;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.source.phorge.JdbcBotTokens;

/**
 * Write access to Phorge's API tokens, when {@code idsync.phorge.database.token-writer} is configured.
 *
 * @param tokens the token table through the writer, or {@code null} when idsync may not write it
 */
record TokenWriter(@Nullable JdbcBotTokens tokens) implements AutoCloseable {

	static TokenWriter of(JobSettings settings) {
		PhorgeDatabaseProperties database = settings.properties().phorge().database();
		return (database != null && database.tokenWriter() != null && settings.credentials().tokenWriter() != null)
				? new TokenWriter(new JdbcBotTokens(database, settings.credentials().tokenWriter())) : new TokenWriter(
						null);
	}

	/** Whether idsync may create and terminate tokens. */
	boolean configured() {
		return this.tokens != null;
	}

	@Override
	public void close() {
		if (this.tokens != null) {
			this.tokens.close();
		}
	}

}
