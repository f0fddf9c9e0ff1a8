package dev.idsync.sim.google;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic population of simulated Google Workspace users for tests.
 */
final class GoogleSimUsers {

	static final Instant EPOCH = Instant.parse("2022-03-01T08:00:00Z");

	private GoogleSimUsers() {
	}

	/**
	 * {@code count} users: every 50th deleted, every 9th never logged in, every 11th suspended, every 5th with an
	 * alias, every 4th (from the 4th) in {@code example.org}, the rest in {@code example.com}.
	 */
	static List<GoogleSimUser> generate(int count) {
		List<GoogleSimUser> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(user(i));
		}
		return users;
	}

	static GoogleSimUser user(int i) {
		String domain = (i % 4 == 3) ? "example.org" : "example.com";
		Instant created = EPOCH.plus(Duration.ofHours(i));
		Instant lastLogin = (i % 9 == 0) ? null : created.plus(Duration.ofDays(2));
		Instant deleted = (i % 50 == 0) ? created.plus(Duration.ofDays(30)) : null;
		List<String> aliases = (i % 5 == 0) ? List.of("u" + i + "@" + domain) : List.of();
		return new GoogleSimUser(id(i), "user" + i + "@" + domain, "Given" + i, "Family" + (count(i)), i % 11 == 0,
				false, i == 1, lastLogin, created, deleted, aliases, (i % 2 == 0) ? "/" : "/Engineering",
				(i % 3 == 0) ? "E" + i : null);
	}

	/** A 21-digit id, deliberately not in index order. */
	static String id(int i) {
		return String.format("1%05d%015d", (i * 7919) % 100_000, i);
	}

	private static int count(int i) {
		return 1000 - i % 1000;
	}

}
