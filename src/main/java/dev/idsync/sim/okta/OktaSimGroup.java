package dev.idsync.sim.okta;

import java.util.List;

/**
 * A group of the simulated Okta org.
 *
 * @param id the group id ({@code 00g…})
 * @param name {@code profile.name}
 * @param userIds the member users' ids
 */
public record OktaSimGroup(String id, String name, List<String> userIds) {

	public OktaSimGroup {
		userIds = List.copyOf(userIds);
	}

}
