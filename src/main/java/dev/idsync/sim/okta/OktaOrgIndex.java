package dev.idsync.sim.okta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The org's users, groups and apps, sorted by id (the order Okta's cursors follow) and checked for consistency.
 */
final class OktaOrgIndex {

	private final List<OktaSimUser> users;

	private final List<OktaGroupView> groups;

	private final Map<String, OktaGroupView> groupsById;

	private final Map<String, OktaSimApp> appsById;

	private final Map<String, List<OktaSimUser>> assignedByApp;

	private OktaOrgIndex(List<OktaSimUser> users, List<OktaGroupView> groups, List<OktaSimApp> apps,
			Map<String, List<OktaSimUser>> assignedByApp) {
		this.users = users;
		this.groups = groups;
		this.groupsById = groups.stream().collect(Collectors.toMap(OktaGroupView::id, Function.identity()));
		this.appsById = apps.stream().collect(Collectors.toMap(OktaSimApp::id, Function.identity()));
		this.assignedByApp = assignedByApp;
	}

	/**
	 * Indexes an org.
	 * @throws IllegalArgumentException when ids repeat or a group or app names an unknown user
	 */
	static OktaOrgIndex of(List<OktaSimUser> users, List<OktaSimGroup> groups, List<OktaSimApp> apps) {
		unique("user", users.stream().map(OktaSimUser::id).toList());
		unique("group", groups.stream().map(OktaSimGroup::id).toList());
		unique("app", apps.stream().map(OktaSimApp::id).toList());
		Map<String, OktaSimUser> byId = users.stream().collect(Collectors.toMap(OktaSimUser::id, Function.identity()));
		Instant orgCreated = users.stream()
			.map(OktaSimUser::created)
			.min(Comparator.naturalOrder())
			.orElse(Instant.EPOCH);
		List<OktaGroupView> views = new ArrayList<>();
		for (OktaSimGroup group : groups) {
			List<OktaSimUser> members = resolve("group " + group.id(), group.userIds(), byId);
			views.add(view(group, members, orgCreated));
		}
		Map<String, List<OktaSimUser>> assigned = new HashMap<>();
		apps.forEach((app) -> assigned.put(app.id(), sortedById(resolve("app " + app.id(), app.userIds(), byId))));
		views.sort(Comparator.comparing(OktaGroupView::id));
		return new OktaOrgIndex(sortedById(users), views, apps, assigned);
	}

	/** Every user, by id. */
	List<OktaSimUser> users() {
		return this.users;
	}

	/** Every group, by id. */
	List<OktaGroupView> groups() {
		return this.groups;
	}

	@Nullable OktaGroupView group(String id) {
		return this.groupsById.get(id);
	}

	/** Every application, in id order. */
	List<OktaSimApp> apps() {
		return this.appsById.values().stream().sorted(Comparator.comparing(OktaSimApp::id)).toList();
	}

	@Nullable OktaSimApp app(String id) {
		return this.appsById.get(id);
	}

	/** The users assigned to {@code app}, by id. */
	List<OktaSimUser> assigned(OktaSimApp app) {
		return this.assignedByApp.get(app.id());
	}

	// The data model has no group dates: a group is as old as the org, and its membership changed last when its
	// newest member was created.
	private static OktaGroupView view(OktaSimGroup group, List<OktaSimUser> members, Instant orgCreated) {
		Instant lastMember = members.stream()
			.map(OktaSimUser::created)
			.max(Comparator.naturalOrder())
			.filter((created) -> created.isAfter(orgCreated))
			.orElse(orgCreated);
		return new OktaGroupView(group, sortedById(members), orgCreated, lastMember);
	}

	private static List<OktaSimUser> sortedById(List<OktaSimUser> users) {
		return users.stream().sorted(Comparator.comparing(OktaSimUser::id)).toList();
	}

	private static List<OktaSimUser> resolve(String owner, List<String> userIds, Map<String, OktaSimUser> byId) {
		unique("member of " + owner, userIds);
		List<OktaSimUser> members = new ArrayList<>();
		for (String id : userIds) {
			OktaSimUser user = byId.get(id);
			if (user == null) {
				throw new IllegalArgumentException("Okta " + owner + " names unknown user " + id);
			}
			members.add(user);
		}
		return members;
	}

	private static void unique(String kind, List<String> ids) {
		Set<String> seen = new HashSet<>();
		for (String id : ids) {
			if (!seen.add(id)) {
				throw new IllegalArgumentException("Okta " + kind + " ids must be unique: " + id + " repeats");
			}
		}
	}

}
