package dev.idsync.sim.okta;

import java.time.Instant;
import java.util.List;

/**
 * A group as the Groups API shows it: the data model's group, its members sorted by id and the dates Okta reports.
 *
 * @param group the group
 * @param members its members, by id
 * @param created when the group was created
 * @param lastMembershipUpdated when its membership last changed
 */
record OktaGroupView(OktaSimGroup group, List<OktaSimUser> members, Instant created, Instant lastMembershipUpdated) {

	OktaGroupView {
		members = List.copyOf(members);
	}

	String id() {
		return this.group.id();
	}

	/** Profile changes are not modelled, so a group's profile was last updated when it was created. */
	Instant lastUpdated() {
		return this.created;
	}

}
