/**
 * Correlation and drift classification as pure functions over domain values.
 */
@NullMarked
package dev.idsync.reconcile;

import org.jspecify.annotations.NullMarked;
