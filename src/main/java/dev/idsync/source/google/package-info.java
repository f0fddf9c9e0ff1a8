/**
 * The Google Workspace adapter: reads every user through the Admin SDK Directory API client.
 */
@NullMarked
package dev.idsync.source.google;

import org.jspecify.annotations.NullMarked;
