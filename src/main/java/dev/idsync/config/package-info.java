/**
 * idsync's configuration: one immutable record per area, loaded from exactly one YAML file and validated up front.
 */
@NullMarked
package dev.idsync.config;

import org.jspecify.annotations.NullMarked;
