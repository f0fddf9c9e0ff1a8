/**
 * Notifications of a run's outcome to the outside: a chat webhook.
 */
@NullMarked
package dev.idsync.notify;

import org.jspecify.annotations.NullMarked;
