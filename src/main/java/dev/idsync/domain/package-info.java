/**
 * The values idsync reasons about: identities, accounts, matches, findings and actions (pure Java).
 */
@NullMarked
package dev.idsync.domain;

import org.jspecify.annotations.NullMarked;
