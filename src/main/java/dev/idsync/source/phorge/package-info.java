/**
 * The Phorge/Phabricator adapter: a Conduit client over OkHttp that follows Phorge's recorded behaviour, reads and
 * writes accounts, and turns every failure into a typed, token-free {@link dev.idsync.source.phorge.ConduitException};
 * and a read-only JDBC reader of Phorge's own database for what Conduit does not expose.
 */
@NullMarked
package dev.idsync.source.phorge;

import org.jspecify.annotations.NullMarked;
