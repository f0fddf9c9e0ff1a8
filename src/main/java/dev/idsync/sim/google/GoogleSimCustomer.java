package dev.idsync.sim.google;

import java.util.List;

/**
 * Everything the simulated Google Workspace customer holds.
 *
 * @param users its users
 * @param groups its groups
 * @param customerId its customer id (besides {@code my_customer})
 * @param accessToken a ready access token the Directory API accepts (for clients without a service account)
 * @param serviceAccount the service account with domain-wide delegation
 */
public record GoogleSimCustomer(List<GoogleSimUser> users, List<GoogleSimGroup> groups, String customerId,
		String accessToken, GoogleSimServiceAccount serviceAccount) {

	public GoogleSimCustomer {
		users = List.copyOf(users);
		groups = List.copyOf(groups);
	}

	@Override
	public String toString() {
		return "GoogleSimCustomer[users=" + this.users.size() + ", groups=" + this.groups.size() + "]";
	}

}
