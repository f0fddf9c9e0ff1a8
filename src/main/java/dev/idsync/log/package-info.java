/**
 * How idsync's log lines are written: the JSON encoder {@code logback.xml} names for {@code --log-format json}.
 */
@NullMarked
package dev.idsync.log;

import org.jspecify.annotations.NullMarked;
