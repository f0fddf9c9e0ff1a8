package dev.idsync.source.phorge;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.PhorgeDatabase;

/**
 * Opens Phorge's own database for reading. idsync's database user needs {@code SELECT} on these columns only, so the
 * token values can stay out of its reach ({@code idsync doctor} checks each table with exactly these columns):
 *
 * <pre>
 * GRANT SELECT (id, phid, isEnrolledInMultiFactor) ON phabricator_user.user TO idsync;
 * GRANT SELECT (id, userPHID, address, isVerified, isPrimary) ON phabricator_user.user_email TO idsync;
 * GRANT SELECT (phid, userPHID, providerConfigPHID) ON phabricator_user.user_externalaccount TO idsync;
 * GRANT SELECT (id, externalAccountPHID, identifierRaw) ON phabricator_user.user_externalaccountidentifier TO idsync;
 * GRANT SELECT (phid, providerType, providerDomain) ON phabricator_auth.auth_providerconfig TO idsync;
 * GRANT SELECT (id, objectPHID, tokenType, tokenName, dateCreated, expires)
 *   ON phabricator_conduit.conduit_token TO idsync;
 * GRANT SELECT (id, objectPHID, authorPHID, transactionType, newValue, dateCreated)
 *   ON phabricator_user.user_transaction TO idsync;
 * </pre>
 */
public final class PhorgeDatabases {

	private PhorgeDatabases() {
	}

	/**
	 * Configures the reader without connecting: the pool starts on the first read or access check, which then waits
	 * at most the configured timeout for a server that does not answer.
	 * @param properties the server, user, database prefix, pool size and timeout
	 * @param password the database user's password
	 * @return the reader; close it to release its connections
	 */
	public static PhorgeDatabase open(PhorgeDatabaseProperties properties, Secret password) {
		return open(properties, password, JdbcPhorgeDatabase.PAGE_SIZE);
	}

	static JdbcPhorgeDatabase open(PhorgeDatabaseProperties properties, Secret password, int pageSize) {
		return new JdbcPhorgeDatabase(PhorgeDatabasePool.of(properties, password), properties.prefix(), pageSize);
	}

}
