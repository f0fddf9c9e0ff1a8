/**
 * {@code idsync doctor}: checks every configured connection and permission, each with the fix for a failure.
 */
@NullMarked
package dev.idsync.doctor;

import org.jspecify.annotations.NullMarked;
