package dev.idsync.source.okta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.common.PagedList;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserProfile;

import dev.idsync.config.Endpoints;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Page;
import dev.idsync.source.SourceException;

/**
 * Every Okta user in every status. Okta's plain list omits DEPROVISIONED users, so the read makes two passes: the
 * plain list, then {@code filter=status eq "DEPROVISIONED"}; the cursor carries the pass and Okta's {@code after}.
 */
public final class OktaIdentitySource implements IdentitySource {

	static final int PAGE_SIZE = 200;

	private static final String DEPROVISIONED = "status eq \"DEPROVISIONED\"";

	private static final Object BUILDER_LOCK = new Object();

	private final UserApi users;

	private final String url;

	/**
	 * Connects to an Okta org with an SSWS token.
	 * @param properties the org's URL
	 * @param token the API token
	 */
	public OktaIdentitySource(OktaProperties properties, Secret token) {
		this.users = new UserApi(client(properties.url(), token));
		this.url = properties.url();
	}

	@Override
	public String name() {
		return "okta";
	}

	@Override
	public Page<SourceIdentity> page(@Nullable String cursor) {
		Cursor position = Cursor.parse(cursor);
		List<User> page = list(position);
		List<SourceIdentity> identities = new ArrayList<>(page.size());
		page.forEach((user) -> identities.add(identity(user)));
		return new Page<>(identities, position.next(page));
	}

	private List<User> list(Cursor position) {
		try {
			return this.users.listUsers(null, null, position.after(), PAGE_SIZE,
					position.deprovisioned() ? DEPROVISIONED : null, null, null, null);
		}
		catch (ApiException ex) {
			if (ex.getCode() == 0) {
				throw new SourceException("okta", "cannot reach " + this.url + " ("
						+ rootCause(ex).getClass().getSimpleName() + ": " + rootCause(ex).getMessage() + ")", null);
			}
			throw new SourceException("okta", "GET /api/v1/users failed with HTTP " + ex.getCode()
					+ ((ex.getCode() == 401) ? " (is the API token valid and not expired?)" : ""), null);
		}
		catch (RuntimeException ex) {
			throw new SourceException("okta", "GET /api/v1/users failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static SourceIdentity identity(User user) {
		UserProfile profile = user.getProfile();
		String email = (profile != null) ? profile.getEmail() : null;
		if (email == null || !email.contains("@")) {
			throw new SourceException("okta", "user " + user.getId() + " has no email address in its profile", null);
		}
		Set<String> emails = new LinkedHashSet<>();
		emails.add(email);
		if (profile.getSecondEmail() != null && profile.getSecondEmail().contains("@")) {
			emails.add(profile.getSecondEmail());
		}
		if (profile.getLogin() != null && profile.getLogin().contains("@")) {
			emails.add(profile.getLogin());
		}
		String status = (user.getStatus() != null) ? user.getStatus().getValue() : "UNKNOWN";
		return new SourceIdentity("okta", user.getId(), email, List.copyOf(emails), displayName(profile),
				OktaStatuses.lifecycle(user.getStatus()), status);
	}

	private static String displayName(UserProfile profile) {
		if (profile.getDisplayName() != null && !profile.getDisplayName().isBlank()) {
			return profile.getDisplayName();
		}
		return (String.valueOf(profile.getFirstName()) + " " + String.valueOf(profile.getLastName())).trim();
	}

	/**
	 * Builds the SDK client with its cache off. The SDK refuses plain http unless a system property is set before
	 * the builder is created; idsync sets it only for loopback URLs (the simulator), and only around the build.
	 */
	private static ApiClient client(String url, Secret token) {
		boolean loopback = Endpoints.isLoopback(java.net.URI.create(url).getHost());
		synchronized (BUILDER_LOCK) {
			String property = "okta.testing.disableHttpsCheck";
			String previous = System.getProperty(property);
			try {
				if (loopback) {
					System.setProperty(property, "true");
				}
				return Clients.builder()
					.setOrgUrl(url)
					.setClientCredentials(new TokenClientCredentials(token.reveal()))
					.setCacheManager(Caches.newDisabledCacheManager())
					.setRetryMaxAttempts(4)
					.build();
			}
			finally {
				if (previous == null) {
					System.clearProperty(property);
				}
				else {
					System.setProperty(property, previous);
				}
			}
		}
	}

	/** Where a read stands: which pass, and Okta's {@code after} within it. */
	private record Cursor(boolean deprovisioned, @Nullable String after) {

		static Cursor parse(@Nullable String cursor) {
			if (cursor == null) {
				return new Cursor(false, null);
			}
			int bar = cursor.indexOf('|');
			String after = cursor.substring(bar + 1);
			return new Cursor(cursor.startsWith("deprovisioned"), after.isEmpty() ? null : after);
		}

		@Nullable String next(List<User> page) {
			if (page instanceof PagedList<?> paged && paged.hasMoreItems() && paged.getAfter() != null) {
				return (this.deprovisioned ? "deprovisioned|" : "listed|") + paged.getAfter();
			}
			return this.deprovisioned ? null : "deprovisioned|";
		}

	}

}
