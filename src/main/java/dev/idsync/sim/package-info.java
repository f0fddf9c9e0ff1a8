/**
 * The simulator: local Okta, Google Workspace and Phorge Conduit servers and a synthetic-organisation generator.
 */
@NullMarked
package dev.idsync.sim;

import org.jspecify.annotations.NullMarked;
