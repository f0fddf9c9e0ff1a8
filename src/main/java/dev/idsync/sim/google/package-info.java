/**
 * The simulated Google Admin SDK Directory API.
 */
@NullMarked
package dev.idsync.sim.google;

import org.jspecify.annotations.NullMarked;
