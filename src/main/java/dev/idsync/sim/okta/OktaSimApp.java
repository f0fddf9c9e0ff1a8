package dev.idsync.sim.okta;

import java.util.List;

/**
 * An application of the simulated Okta org, with the users assigned to it.
 *
 * @param id the app id ({@code 0oa…})
 * @param label the app's label, e.g. {@code Phorge}
 * @param userIds the assigned users' ids
 */
public record OktaSimApp(String id, String label, List<String> userIds) {

	public OktaSimApp {
		userIds = List.copyOf(userIds);
	}

}
