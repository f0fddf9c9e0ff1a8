package dev.idsync.sim.okta;

import java.util.List;

/**
 * Everything the simulated Okta org holds.
 *
 * @param users its users
 * @param groups its groups
 * @param apps its applications
 * @param apiToken the SSWS token it accepts
 * @param client the OAuth service app it accepts
 */
public record OktaSimOrg(List<OktaSimUser> users, List<OktaSimGroup> groups, List<OktaSimApp> apps, String apiToken,
		OktaSimClient client) {

	public OktaSimOrg {
		users = List.copyOf(users);
		groups = List.copyOf(groups);
		apps = List.copyOf(apps);
	}

	@Override
	public String toString() {
		return "OktaSimOrg[users=" + this.users.size() + ", groups=" + this.groups.size() + ", apps="
				+ this.apps.size() + "]";
	}

}
