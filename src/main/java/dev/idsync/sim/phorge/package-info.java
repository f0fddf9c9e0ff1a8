/**
 * The simulated Phorge instance: its Conduit API and the state behind it.
 */
@NullMarked
package dev.idsync.sim.phorge;

import org.jspecify.annotations.NullMarked;
