/**
 * Turning findings into actions: the plan (pure) and, in later versions, the safety gates and the journal.
 */
@NullMarked
package dev.idsync.remediate;

import org.jspecify.annotations.NullMarked;
