/**
 * The Phorge/Phabricator adapter: a Conduit client over OkHttp that follows Phorge's recorded behaviour.
 */
@NullMarked
package dev.idsync.source.phorge;

import org.jspecify.annotations.NullMarked;
