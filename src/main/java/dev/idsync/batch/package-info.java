/**
 * The only home of Spring Batch: the nightly job's wiring, and readers and writers that delegate inward.
 */
@NullMarked
package dev.idsync.batch;

import org.jspecify.annotations.NullMarked;
