package dev.idsync.source.google;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.User;
import com.google.api.services.directory.model.Users;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Page;
import dev.idsync.source.SourceException;

/**
 * Every Google Workspace user: the live ones, then (with {@code showDeleted}, which lists only those) the recently
 * deleted ones. Suspended and archived users are inactive; deleted users are gone.
 */
public final class GoogleIdentitySource implements IdentitySource {

	static final int PAGE_SIZE = 500;

	private final Directory directory;

	private final String customer;

	/**
	 * Connects to the Directory API.
	 * @param properties the root URL, customer and credentials
	 * @param credential the service account's key (JSON) or, without a service account, a ready access token
	 */
	public GoogleIdentitySource(GoogleProperties properties, Secret credential) {
		GoogleCredentials credentials = GoogleCredentialsFactory.create(properties, credential);
		this.directory = new Directory.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
				new HttpCredentialsAdapter(credentials))
			.setApplicationName("idsync")
			.setRootUrl(properties.url() + "/")
			.build();
		this.customer = properties.customer();
	}

	@Override
	public String name() {
		return "google";
	}

	@Override
	public Page<SourceIdentity> page(@Nullable String cursor) {
		boolean deleted = cursor != null && cursor.startsWith("deleted|");
		String token = (cursor == null) ? null : cursor.substring(cursor.indexOf('|') + 1);
		Users users = list(deleted, (token == null || token.isEmpty()) ? null : token);
		List<SourceIdentity> identities = new ArrayList<>();
		if (users.getUsers() != null) {
			users.getUsers().forEach((user) -> identities.add(identity(user)));
		}
		String next = users.getNextPageToken();
		if (next != null) {
			return new Page<>(identities, (deleted ? "deleted|" : "live|") + next);
		}
		return new Page<>(identities, deleted ? null : "deleted|");
	}

	private Users list(boolean deleted, @Nullable String pageToken) {
		try {
			Directory.Users.List request = this.directory.users().list().setCustomer(this.customer)
				.setMaxResults(PAGE_SIZE)
				.setPageToken(pageToken);
			if (deleted) {
				request.setShowDeleted("true");
			}
			return request.execute();
		}
		catch (GoogleJsonResponseException ex) {
			String reason = (ex.getDetails() != null && ex.getDetails().getErrors() != null
					&& !ex.getDetails().getErrors().isEmpty()) ? ex.getDetails().getErrors().get(0).getReason() : "";
			throw new SourceException("google", "users.list failed with HTTP " + ex.getStatusCode() + " " + reason,
					null);
		}
		catch (IOException ex) {
			throw new SourceException("google", "users.list failed: " + ex.getClass().getSimpleName(), ex);
		}
		catch (IllegalStateException ex) {
			// google-auth answers a 401 challenge by refreshing; a fixed access token cannot be refreshed
			throw new SourceException("google", "users.list was refused: the access token is invalid or expired", null);
		}
	}

	private static SourceIdentity identity(User user) {
		Set<String> emails = new LinkedHashSet<>();
		emails.add(user.getPrimaryEmail());
		if (user.getAliases() != null) {
			emails.addAll(user.getAliases());
		}
		if (user.getEmails() instanceof List<?> list) {
			list.forEach((entry) -> {
				if (entry instanceof Map<?, ?> map && map.get("address") instanceof String address) {
					emails.add(address);
				}
			});
		}
		String name = (user.getName() != null && user.getName().getFullName() != null) ? user.getName().getFullName()
				: user.getPrimaryEmail();
		String status = status(user);
		return new SourceIdentity("google", user.getId(), user.getPrimaryEmail(), List.copyOf(emails), name,
				lifecycle(status), status);
	}

	private static String status(User user) {
		if (user.getDeletionTime() != null) {
			return "deleted";
		}
		if (Boolean.TRUE.equals(user.getSuspended())) {
			return "suspended";
		}
		return Boolean.TRUE.equals(user.getArchived()) ? "archived" : "active";
	}

	private static Lifecycle lifecycle(String status) {
		return switch (status) {
			case "deleted" -> Lifecycle.DEPROVISIONED;
			case "suspended", "archived" -> Lifecycle.SUSPENDED;
			default -> Lifecycle.ACTIVE;
		};
	}

}
