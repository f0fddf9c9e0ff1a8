package dev.idsync.source.okta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.common.PagedList;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserProfile;

import dev.idsync.config.OktaProperties;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Page;
import dev.idsync.source.Retrying.Outcome;

/**
 * Every Okta user in every status. Okta's plain list omits DEPROVISIONED users, so the read makes two passes: the
 * plain list, then {@code filter=status eq "DEPROVISIONED"}; the cursor carries the pass and Okta's {@code after}.
 */
final class OktaIdentitySource implements IdentitySource {

	static final int PAGE_SIZE = 200;

	private static final String DEPROVISIONED = "status eq \"DEPROVISIONED\"";

	private final OktaClient okta;

	private final OktaProperties properties;

	OktaIdentitySource(OktaClient okta, OktaProperties properties) {
		this.okta = okta;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "okta";
	}

	@Override
	public Page<SourceIdentity> page(@Nullable String cursor) {
		boolean deprovisioned = cursor != null && cursor.startsWith("deprovisioned|");
		String after = (cursor == null || cursor.endsWith("|")) ? null : cursor.substring(cursor.indexOf('|') + 1);
		Outcome<List<User>> page = this.okta.fetch("GET /api/v1/users",
				(client) -> new UserApi(client).listUsers(null, null, after, PAGE_SIZE,
						deprovisioned ? DEPROVISIONED : null, null, null, null));
		List<SourceIdentity> identities = new ArrayList<>(page.value().size());
		List<String> problems = new ArrayList<>();
		for (User user : page.value()) {
			String email = (user.getProfile() != null) ? user.getProfile().getEmail() : null;
			if (email == null || !email.contains("@")) {
				problems.add("user " + user.getId() + ": no email address in its profile");
			}
			else {
				identities.add(identity(user, email));
			}
		}
		return new Page<>(identities, next(page.value(), deprovisioned), page.retries(), page.rateLimitWaits(),
				problems);
	}

	private static @Nullable String next(List<User> page, boolean deprovisioned) {
		if (page instanceof PagedList<?> paged && paged.hasMoreItems() && paged.getAfter() != null) {
			return (deprovisioned ? "deprovisioned|" : "listed|") + paged.getAfter();
		}
		return deprovisioned ? null : "deprovisioned|";
	}

	private SourceIdentity identity(User user, String email) {
		UserProfile profile = user.getProfile();
		Set<String> emails = new LinkedHashSet<>();
		emails.add(email);
		for (String other : new String[] { profile.getSecondEmail(), profile.getLogin() }) {
			if (other != null && other.contains("@")) {
				emails.add(other);
			}
		}
		String status = (user.getStatus() != null) ? user.getStatus().getValue() : "UNKNOWN";
		return new SourceIdentity("okta", user.getId(), email, List.copyOf(emails), displayName(profile),
				OktaStatuses.lifecycle(user.getStatus()), status,
				OktaAttributes.get(profile, this.properties.employeeIdAttribute()),
				(this.properties.usernameAttribute() != null)
						? OktaAttributes.get(profile, this.properties.usernameAttribute()) : null,
				(user.getStatusChanged() != null) ? user.getStatusChanged().toInstant() : null);
	}

	private static String displayName(UserProfile profile) {
		if (profile.getDisplayName() != null && !profile.getDisplayName().isBlank()) {
			return profile.getDisplayName();
		}
		return (String.valueOf(profile.getFirstName()) + " " + String.valueOf(profile.getLastName())).trim();
	}

}
