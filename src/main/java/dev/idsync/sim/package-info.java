/**
 * The simulator: local Okta, Google Workspace and Phorge (Conduit and its database) servers and a
 * synthetic-organisation generator.
 */
@NullMarked
package dev.idsync.sim;

import org.jspecify.annotations.NullMarked;
