package dev.idsync.sim.okta;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The group attributes that {@code GET /api/v1/groups} expressions can name (Okta's Groups API reference).
 */
final class OktaGroupFields implements OktaFields<OktaGroupView> {

	/** The attributes of groups, for {@code search}. */
	static final OktaGroupFields SEARCH = new OktaGroupFields(true);

	/** The attributes of groups, for {@code filter}. */
	static final OktaGroupFields FILTER = new OktaGroupFields(false);

	/** The attributes {@code filter} accepts. */
	static final Set<String> FILTERABLE = Set.of("id", "type", "lastUpdated", "lastMembershipUpdated");

	/** The attributes {@code search} accepts besides {@code FILTERABLE}. */
	private static final Set<String> SEARCH_ONLY = Set.of("created", "profile.name", "profile.description");

	private static final Set<String> TEMPORAL = Set.of("created", "lastUpdated", "lastMembershipUpdated");

	/** Every simulated group is an Okta group; {@code APP_GROUP} and the built-in Everyone group are not modelled. */
	static final String TYPE = "OKTA_GROUP";

	private final boolean search;

	private OktaGroupFields(boolean search) {
		this.search = search;
	}

	static boolean searchable(String attribute) {
		return FILTERABLE.contains(attribute) || SEARCH_ONLY.contains(attribute);
	}

	@Override
	public boolean temporal(String attribute) {
		return TEMPORAL.contains(attribute);
	}

	@Override
	public @Nullable Object value(OktaGroupView group, String attribute) {
		return switch (attribute) {
			case "id" -> group.id();
			case "type" -> TYPE;
			case "created" -> group.created();
			case "lastUpdated" -> group.lastUpdated();
			case "lastMembershipUpdated" -> group.lastMembershipUpdated();
			case "profile.name" -> group.group().name();
			default -> null;
		};
	}

	/**
	 * Okta's reference says group search "currently performs a startsWith match": {@code profile.name eq "eng"} also
	 * finds {@code engineering}, so callers must compare names themselves.
	 */
	@Override
	public boolean equalityIsPrefix() {
		return this.search;
	}

}
