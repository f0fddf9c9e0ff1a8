/**
 * Bot API-token rotation: when a token is due (pure), and the crash-safe procedure that creates, verifies and
 * delivers a new token before the old one is terminated (through ports).
 */
@NullMarked
package dev.idsync.rotate;

import org.jspecify.annotations.NullMarked;
