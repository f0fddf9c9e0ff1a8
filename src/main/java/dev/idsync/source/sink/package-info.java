/**
 * Where rotated bot tokens are delivered: a file (atomically, mode 0600) and a Kubernetes Secret key.
 */
@NullMarked
package dev.idsync.source.sink;

import org.jspecify.annotations.NullMarked;
