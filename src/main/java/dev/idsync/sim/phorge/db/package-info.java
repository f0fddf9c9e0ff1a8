/**
 * The simulated Phorge instance's own MySQL databases: Phorge's schema, its rows, and an embedded H2 server idsync
 * reads them from, consistent with what the simulated Conduit answers.
 */
@NullMarked
package dev.idsync.sim.phorge.db;

import org.jspecify.annotations.NullMarked;
