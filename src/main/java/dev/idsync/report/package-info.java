/**
 * The run's reports: renderers (JSON, CSV, Markdown, HTML) over a run's summary and streamed findings, written
 * atomically; the Backstage export.
 */
@NullMarked
package dev.idsync.report;

import org.jspecify.annotations.NullMarked;
