package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A synthetic instance of {@code size} users for tests that need more than the recorded 24: user 1 is an
 * administrator holding {@link #ADMIN_TOKEN}, the others are ordinary active users.
 */
final class GeneratedInstance {

	static final String ADMIN_TOKEN = "api-aaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private GeneratedInstance() {
	}

	static InMemoryPhorgeDirectory directory(int size) {
		List<PhorgeUser> users = new ArrayList<>();
		List<PhorgeEmail> emails = new ArrayList<>();
		for (int id = 1; id <= size; id++) {
			String phid = phid(id);
			String name = "user" + id;
			users.add(new PhorgeUser(id, phid, name, "User " + id, false, false, id == 1, false, true, true, false,
					1_700_000_000L + id, 1_700_000_000L + id, "file/data/" + name + ".png"));
			emails.add(new PhorgeEmail(phid, name + "@example.com", true, true));
		}
		PhorgeToken token = new PhorgeToken(phid(1), "api", ADMIN_TOKEN, null, 1_700_000_000L, "admin");
		return new InMemoryPhorgeDirectory(users, emails, List.of(token), Set.of());
	}

	/** A unique PHID of Phorge's shape (20 characters of {@code [a-z2-7]}): the id in base 32. */
	static String phid(int id) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
		StringBuilder suffix = new StringBuilder();
		for (int value = id; suffix.length() < 20; value /= 32) {
			suffix.insert(0, alphabet.charAt(value % 32));
		}
		return "PHID-USER-" + suffix;
	}

}
