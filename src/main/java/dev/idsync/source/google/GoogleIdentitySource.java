package dev.idsync.source.google;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.User;
import com.google.api.services.directory.model.Users;

import dev.idsync.config.GoogleProperties;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Page;
import dev.idsync.source.Retrying.Outcome;

/**
 * Every Google Workspace user: the live ones, then (with {@code showDeleted}, which lists only those) the recently
 * deleted ones. Suspended and archived users are inactive; deleted users are gone.
 */
final class GoogleIdentitySource implements IdentitySource {

	static final int PAGE_SIZE = 500;

	private final GoogleClient google;

	private final GoogleProperties properties;

	GoogleIdentitySource(GoogleClient google, GoogleProperties properties) {
		this.google = google;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "google";
	}

	@Override
	public Page<SourceIdentity> page(@Nullable String cursor) {
		boolean deleted = cursor != null && cursor.startsWith("deleted|");
		String token = (cursor == null || cursor.endsWith("|")) ? null : cursor.substring(cursor.indexOf('|') + 1);
		Outcome<Users> page = this.google.fetch("users.list", (directory) -> list(directory, deleted, token));
		List<SourceIdentity> identities = new ArrayList<>();
		if (page.value().getUsers() != null) {
			page.value().getUsers().forEach((user) -> identities.add(identity(user)));
		}
		String next = page.value().getNextPageToken();
		String cursorOut = (next != null) ? (deleted ? "deleted|" : "live|") + next : deleted ? null : "deleted|";
		return new Page<>(identities, cursorOut, page.retries(), page.rateLimitWaits(), List.of());
	}

	private Users list(Directory directory, boolean deleted, @Nullable String pageToken) throws IOException {
		Directory.Users.List request = directory.users().list().setMaxResults(PAGE_SIZE).setPageToken(pageToken);
		if (this.properties.domain() != null) {
			request.setDomain(this.properties.domain());
		}
		else {
			request.setCustomer(this.properties.customer());
		}
		if (deleted) {
			request.setShowDeleted("true");
		}
		return request.execute();
	}

	private SourceIdentity identity(User user) {
		Set<String> emails = new LinkedHashSet<>();
		emails.add(user.getPrimaryEmail());
		if (user.getAliases() != null) {
			emails.addAll(user.getAliases());
		}
		for (Map<?, ?> entry : maps(user.getEmails())) {
			if (entry.get("address") instanceof String address) {
				emails.add(address);
			}
		}
		String name = (user.getName() != null && user.getName().getFullName() != null) ? user.getName().getFullName()
				: user.getPrimaryEmail();
		String status = status(user);
		return new SourceIdentity("google", user.getId(), user.getPrimaryEmail(), List.copyOf(emails), name,
				lifecycle(status), describe(status, user), employeeId(user), null, statusSince(user));
	}

	private @Nullable String employeeId(User user) {
		for (Map<?, ?> entry : maps(user.getExternalIds())) {
			if (this.properties.employeeIdType().equals(entry.get("type")) && entry.get("value") instanceof String id) {
				return id;
			}
		}
		return null;
	}

	/** The Directory model types lists of objects as {@code Object}: at runtime they are lists of maps. */
	private static List<Map<?, ?>> maps(@Nullable Object value) {
		List<Map<?, ?>> maps = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((entry) -> {
				if (entry instanceof Map<?, ?> map) {
					maps.add(map);
				}
			});
		}
		return maps;
	}

	/** When a deleted user was deleted: Google says nothing of when a user was suspended or archived. */
	private static @Nullable Instant statusSince(User user) {
		return (user.getDeletionTime() != null) ? Instant.ofEpochMilli(user.getDeletionTime().getValue()) : null;
	}

	/** The status as evidence: when a deleted user was deleted, and whether someone never logged in. */
	private static String describe(String status, User user) {
		if (status.equals("deleted")) {
			return "deleted " + user.getDeletionTime().toStringRfc3339();
		}
		// Google reports "never logged in" as the epoch, not as null
		boolean never = user.getLastLoginTime() == null || user.getLastLoginTime().getValue() == 0;
		return never ? status + " (never logged in)" : status;
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
