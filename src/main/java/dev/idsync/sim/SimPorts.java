package dev.idsync.sim;

/**
 * The ports the simulated services listen on; 0 picks an ephemeral port.
 *
 * @param okta the Okta API's port
 * @param google the Google Directory API's port
 * @param conduit Phorge's port
 */
public record SimPorts(int okta, int google, int conduit) {

	/** Ephemeral ports for every service. */
	public static SimPorts ephemeral() {
		return new SimPorts(0, 0, 0);
	}

}
