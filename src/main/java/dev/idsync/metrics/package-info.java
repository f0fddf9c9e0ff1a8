/**
 * The metrics of idsync's runs in Prometheus' terms, kept in a Micrometer registry, and left by a run without a
 * long-lived process in a Pushgateway or a node_exporter textfile.
 */
@NullMarked
package dev.idsync.metrics;

import org.jspecify.annotations.NullMarked;
