package dev.idsync.sim;

/**
 * How the configuration the simulator writes lets idsync read Phorge.
 */
public enum PhorgeAccess {

	/** Through Conduit only, as with a Phorge whose database idsync may not read. */
	CONDUIT,

	/** Through Conduit and, for what Conduit does not expose, Phorge's database ({@code idsync.phorge.database}). */
	CONDUIT_AND_DATABASE

}
