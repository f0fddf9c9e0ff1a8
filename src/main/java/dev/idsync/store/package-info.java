/**
 * JDBC repositories for idsync's own tables: runs, staged populations, findings and planned actions.
 */
@NullMarked
package dev.idsync.store;

import org.jspecify.annotations.NullMarked;
