/**
 * The file adapter: reads people from CSV and JSON-lines exports of HR systems and other identity providers.
 */
@NullMarked
package dev.idsync.source.file;

import org.jspecify.annotations.NullMarked;
