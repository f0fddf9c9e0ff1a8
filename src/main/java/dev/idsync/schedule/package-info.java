/**
 * {@code idsync serve}: the nightly job on Quartz in a long-lived process, clustered on PostgreSQL, with an HTTP port
 * for health, metrics and the latest report.
 */
@NullMarked
package dev.idsync.schedule;

import org.jspecify.annotations.NullMarked;
