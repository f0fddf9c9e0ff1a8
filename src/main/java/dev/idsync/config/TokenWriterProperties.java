package dev.idsync.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A second user of Phorge's database, allowed to create and terminate API tokens
 * ({@code idsync.phorge.database.token-writer}): bot token rotation and token revocation need it; without it idsync
 * reports stale and leftover tokens with the manual steps. The narrowest grant:
 * {@code GRANT SELECT (id, objectPHID, tokenType, tokenName, dateCreated, expires), INSERT, UPDATE (expires,
 * dateModified) ON phabricator_conduit.conduit_token TO 'idsync_tokens'}.
 *
 * @param username the database user
 * @param passwordFile a file holding its password
 * @param passwordEnv the environment variable holding its password when no file is set
 */
public record TokenWriterProperties(@DefaultValue("idsync_tokens") String username, @Nullable Path passwordFile,
		@DefaultValue("IDSYNC_PHORGE_TOKEN_WRITER_PASSWORD") String passwordEnv) {
}
