package dev.idsync.sim.google;

import java.util.List;

/**
 * A group of the simulated Google Workspace customer.
 *
 * @param id the group id
 * @param email the group's address, its usual {@code groupKey}
 * @param memberIds the member users' ids (direct members; no nested groups in the simulator)
 */
public record GoogleSimGroup(String id, String email, List<String> memberIds) {

	public GoogleSimGroup {
		memberIds = List.copyOf(memberIds);
	}

}
