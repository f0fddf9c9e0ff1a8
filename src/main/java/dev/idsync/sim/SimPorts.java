package dev.idsync.sim;

/**
 * The ports the simulated services listen on; 0 picks an ephemeral port.
 *
 * @param okta the Okta API's port
 * @param google the Google Directory API's port
 * @param conduit Phorge's port
 * @param phorgeDatabase the port of Phorge's database (H2's TCP protocol)
 */
public record SimPorts(int okta, int google, int conduit, int phorgeDatabase) {

	/** Ports for the HTTP services, with an ephemeral one for Phorge's database. */
	public SimPorts(int okta, int google, int conduit) {
		this(okta, google, conduit, 0);
	}

	/** Ephemeral ports for every service. */
	public static SimPorts ephemeral() {
		return new SimPorts(0, 0, 0, 0);
	}

}
