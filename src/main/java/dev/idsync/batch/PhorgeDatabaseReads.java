package dev.idsync.batch;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.PhorgeDatabase;
import dev.idsync.source.phorge.PhorgeDatabases;

/**
 * Phorge's own database, when {@code idsync.phorge.database} is set: the job then reads addresses, links, MFA and
 * tokens from it and correlates by email with a join instead of {@code user.query} calls. Closing it releases the
 * connections.
 *
 * @param database the database, or {@code null} when idsync reads through Conduit only
 */
record PhorgeDatabaseReads(@Nullable PhorgeDatabase database) implements AutoCloseable {

	static PhorgeDatabaseReads of(JobSettings settings) {
		PhorgeDatabaseProperties properties = settings.properties().phorge().database();
		Secret password = settings.credentials().phorgeDatabase();
		return new PhorgeDatabaseReads((properties != null && password != null)
				? PhorgeDatabases.open(properties, password) : null);
	}

	/** Whether the job reads Phorge's database. */
	boolean configured() {
		return this.database != null;
	}

	/**
	 * The reads that may legitimately be empty or shrink: links and tokens come and go, and an instance may never
	 * have disabled anyone.
	 */
	Set<String> mayBeEmpty() {
		return (this.database != null) ? Set.of(this.database.externalIdentifiers().name(),
				this.database.tokens().name(), this.database.disables().name()) : Set.of();
	}

	@Override
	public void close() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
