package dev.idsync.source.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import com.okta.sdk.resource.api.ApplicationApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.common.PagedList;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.Application;
import com.okta.sdk.resource.model.Group;
import com.okta.sdk.resource.model.User;

import dev.idsync.config.OktaEntitlementProperties;
import dev.idsync.source.EntitlementSource;
import dev.idsync.source.Page;
import dev.idsync.source.Retrying.Outcome;
import dev.idsync.source.SourceException;

/**
 * The Okta users entitled to Phorge: the members of the configured groups, or the users assigned to the configured
 * application ({@code /api/v1/apps/{id}/users?expand=user}). Names are resolved to ids first; a name that matches
 * nothing fails the read (an empty entitlement would make everyone look no longer entitled).
 */
final class OktaEntitlementSource implements EntitlementSource {

	private static final int GROUP_PAGE = 1_000;

	private static final int APP_PAGE = 500;

	private final OktaClient okta;

	private final OktaEntitlementProperties entitlement;

	private final Map<String, String> ids = new ConcurrentHashMap<>();

	private final String name;

	private final String property;

	OktaEntitlementSource(OktaClient okta, OktaEntitlementProperties entitlement) {
		this(okta, entitlement, EntitlementSource.nameOf("okta"), "idsync.okta.entitlement.groups");
	}

	/**
	 * The members of some groups, read under a name of their own.
	 * @param okta the client
	 * @param entitlement the groups (or app)
	 * @param name the read's name in reports, e.g. {@code okta:admins}
	 * @param property the property naming the groups, for messages
	 */
	OktaEntitlementSource(OktaClient okta, OktaEntitlementProperties entitlement, String name, String property) {
		this.okta = okta;
		this.entitlement = entitlement;
		this.name = name;
		this.property = property;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Page<String> page(@Nullable String cursor) {
		int index = (cursor == null) ? 0 : Integer.parseInt(cursor.substring(0, cursor.indexOf('|')));
		String after = (cursor == null || cursor.endsWith("|")) ? null : cursor.substring(cursor.indexOf('|') + 1);
		return this.entitlement.mode().equals("app") ? appPage(after) : groupPage(index, after);
	}

	private Page<String> groupPage(int index, @Nullable String after) {
		String group = groupId(this.entitlement.groups().get(index));
		Outcome<List<User>> page = this.okta.fetch("GET /api/v1/groups/" + group + "/users",
				(client) -> new GroupApi(client).listGroupUsers(group, after, GROUP_PAGE));
		List<String> members = new ArrayList<>();
		page.value().forEach((user) -> members.add(user.getId()));
		String next = nextAfter(page.value());
		String cursor = (next != null) ? index + "|" + next
				: (index + 1 < this.entitlement.groups().size()) ? (index + 1) + "|" : null;
		return new Page<>(members, cursor, page.retries(), page.rateLimitWaits(), List.of());
	}

	private Page<String> appPage(@Nullable String after) {
		String app = appId(this.entitlement.app());
		Outcome<List<AppUser>> page = this.okta.fetch("GET /api/v1/apps/" + app + "/users",
				(client) -> new ApplicationUsersApi(client).listApplicationUsers(app, after, APP_PAGE, null, "user"));
		List<String> assigned = new ArrayList<>();
		page.value().forEach((user) -> assigned.add(user.getId()));
		String next = nextAfter(page.value());
		return new Page<>(assigned, (next != null) ? "0|" + next : null, page.retries(), page.rateLimitWaits(),
				List.of());
	}

	private String groupId(String nameOrId) {
		if (nameOrId.matches("00g[A-Za-z0-9]{17}")) {
			return nameOrId;
		}
		return this.ids.computeIfAbsent("group:" + nameOrId, (key) -> {
			// Okta's group search matches eq as "starts with": keep the group whose name is exactly the one asked for
			List<Group> found = this.okta.fetch("GET /api/v1/groups", (client) -> new GroupApi(client).listGroups(null,
					null, null, null, null, "profile.name eq \"" + nameOrId.replace("\"", "\\\"") + "\"", null, null))
				.value();
			return found.stream()
				.filter((group) -> group.getProfile() != null && nameOrId.equals(group.getProfile().getName()))
				.map(Group::getId)
				.findFirst()
				.orElseThrow(() -> new SourceException("okta", "the group '" + nameOrId
						+ "' does not exist (check " + this.property + ")", null));
		});
	}

	private String appId(@Nullable String labelOrId) {
		String wanted = String.valueOf(labelOrId);
		if (wanted.matches("0oa[A-Za-z0-9]{17}")) {
			return wanted;
		}
		return this.ids.computeIfAbsent("app:" + wanted, (key) -> {
			List<Application> found = this.okta.fetch("GET /api/v1/apps",
					(client) -> new ApplicationApi(client).listApplications(wanted, null, null, null, null, null, null))
				.value();
			return found.stream()
				.filter((app) -> wanted.equalsIgnoreCase(app.getLabel()))
				.map(Application::getId)
				.findFirst()
				.orElseThrow(() -> new SourceException("okta", "the entitlement application '" + wanted
						+ "' does not exist (check idsync.okta.entitlement.app)", null));
		});
	}

	private static @Nullable String nextAfter(List<?> page) {
		return (page instanceof PagedList<?> paged && paged.hasMoreItems()) ? paged.getAfter() : null;
	}

}
