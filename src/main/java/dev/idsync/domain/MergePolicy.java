package dev.idsync.domain;

import java.util.List;

/**
 * How records of one person from several sources become one person.
 *
 * @param byEmployeeId whether records are matched by employee id (where they carry one) rather than by primary email
 * @param precedence source names, most trusted first: the first that knows a person decides their state; empty means
 * the most active state any source reports wins (idsync never treats someone as gone while a source says otherwise)
 */
public record MergePolicy(boolean byEmployeeId, List<String> precedence) {

	public MergePolicy {
		precedence = List.copyOf(precedence);
	}

	/** Merge by primary email; the most active state wins. */
	public static MergePolicy byEmail() {
		return new MergePolicy(false, List.of());
	}

	/** The key records of one person share. */
	public String keyOf(SourceIdentity identity) {
		return (this.byEmployeeId && identity.employeeId() != null) ? "employee:" + identity.employeeId()
				: "email:" + identity.primaryEmail();
	}

	/** The rank of a source in the precedence, lower first; unlisted sources come after listed ones. */
	public int rank(String source) {
		int index = this.precedence.indexOf(source);
		return (index < 0) ? this.precedence.size() : index;
	}

}
