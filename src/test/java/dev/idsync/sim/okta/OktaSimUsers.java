package dev.idsync.sim.okta;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deterministic population of simulated Okta users for tests.
 */
final class OktaSimUsers {

	static final Instant EPOCH = Instant.parse("2024-01-01T09:00:00Z");

	private OktaSimUsers() {
	}

	/** {@code count} users: every tenth DEPROVISIONED, then STAGED, SUSPENDED, PROVISIONED; most ACTIVE. */
	static List<OktaSimUser> generate(int count) {
		List<OktaSimUser> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(user(i, status(i)));
		}
		return users;
	}

	static String status(int i) {
		return switch (i % 10) {
			case 0 -> "DEPROVISIONED";
			case 1 -> "STAGED";
			case 2 -> "SUSPENDED";
			case 3 -> "PROVISIONED";
			default -> "ACTIVE";
		};
	}

	static OktaSimUser user(int i, String status) {
		Instant created = EPOCH.plus(Duration.ofHours(i));
		boolean staged = status.equals("STAGED");
		Instant activated = staged ? null : created.plusSeconds(60);
		Instant lastLogin = (staged || status.equals("PROVISIONED")) ? null : created.plus(Duration.ofDays(3));
		String login = "user" + i + "@example.com";
		Map<String, String> custom = (i % 7 == 0) ? Map.of() : Map.of("phabricatorUsername", "user" + i);
		String secondEmail = (i % 2 == 0) ? "u" + i + "@home.example.org" : null;
		return new OktaSimUser(id(i), status, created, activated, activated, lastLogin,
				created.plus(Duration.ofDays(5)), login, login, secondEmail, "First" + i, "Last" + i, custom);
	}

	/** An Okta-looking id ({@code 00u} and 17 characters), deliberately not in index order. */
	static String id(int i) {
		return String.format("00u%05d%012d", (i * 7919) % 100_000, i);
	}

}
