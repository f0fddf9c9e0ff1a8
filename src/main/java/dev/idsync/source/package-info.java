/**
 * The ports the nightly job calls to read identities and Phorge accounts; one adapter package per external system.
 */
@NullMarked
package dev.idsync.source;

import org.jspecify.annotations.NullMarked;
