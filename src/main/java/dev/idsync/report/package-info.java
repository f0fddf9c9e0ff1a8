/**
 * The run's reports: renderers (JSON, Markdown) over a run's summary and streamed findings, written atomically.
 */
@NullMarked
package dev.idsync.report;

import org.jspecify.annotations.NullMarked;
