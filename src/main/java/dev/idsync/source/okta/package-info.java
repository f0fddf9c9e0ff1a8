/**
 * The Okta adapter: reads every user through the official Okta Java SDK.
 */
@NullMarked
package dev.idsync.source.okta;

import org.jspecify.annotations.NullMarked;
