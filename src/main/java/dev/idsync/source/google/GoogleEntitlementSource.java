package dev.idsync.source.google;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.google.api.services.directory.model.Members;

import dev.idsync.source.EntitlementSource;
import dev.idsync.source.Page;
import dev.idsync.source.Retrying.Outcome;

/**
 * The Google users entitled to Phorge: the members (nested ones included) of the configured groups, through
 * {@code members.list}.
 */
final class GoogleEntitlementSource implements EntitlementSource {

	private static final int PAGE_SIZE = 200;

	private final GoogleClient google;

	private final List<String> groups;

	private final String name;

	GoogleEntitlementSource(GoogleClient google, List<String> groups) {
		this(google, groups, EntitlementSource.nameOf("google"));
	}

	/** The members of some groups, read under a name of their own (e.g. {@code google:admins}). */
	GoogleEntitlementSource(GoogleClient google, List<String> groups, String name) {
		this.google = google;
		this.groups = List.copyOf(groups);
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Page<String> page(@Nullable String cursor) {
		int index = (cursor == null) ? 0 : Integer.parseInt(cursor.substring(0, cursor.indexOf('|')));
		String token = (cursor == null || cursor.endsWith("|")) ? null : cursor.substring(cursor.indexOf('|') + 1);
		String group = this.groups.get(index);
		Outcome<Members> page = this.google.fetch("members.list " + group, (directory) -> directory.members()
			.list(group)
			.setMaxResults(PAGE_SIZE)
			.setIncludeDerivedMembership(true)
			.setPageToken(token)
			.execute());
		List<String> ids = new ArrayList<>();
		if (page.value().getMembers() != null) {
			page.value().getMembers().stream()
				.filter((member) -> member.getType() == null || member.getType().equals("USER"))
				.forEach((member) -> ids.add(member.getId()));
		}
		String next = page.value().getNextPageToken();
		String cursorOut = (next != null) ? index + "|" + next : (index + 1 < this.groups.size()) ? (index + 1) + "|"
				: null;
		return new Page<>(ids, cursorOut, page.retries(), page.rateLimitWaits(), List.of());
	}

}
