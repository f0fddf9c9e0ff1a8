/**
 * The simulated Okta Users API.
 */
@NullMarked
package dev.idsync.sim.okta;

import org.jspecify.annotations.NullMarked;
