package dev.idsync.sim.okta;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A simulated org for tests: users from {@link OktaSimUsers}, a group and an app over them, and a service app whose
 * RSA key pair is generated once per test run.
 */
final class OktaTestOrg {

	static final String TOKEN = "00sim-token";

	static final String CLIENT_ID = "0oasimservice00000x7";

	static final String KID = "kid-sim-2026";

	static final String GROUP_ID = "00gsimphorgeusers0x7";

	static final String GROUP_NAME = "phorge-users";

	static final String APP_ID = "0oasimphorgeapp000x7";

	static final Set<String> ALL_SCOPES = Set.of("okta.users.read", "okta.groups.read", "okta.apps.read");

	static final KeyPair KEYS = rsa();

	private OktaTestOrg() {
	}

	/**
	 * An org of {@code count} users; the group holds every user whose index is not a multiple of 3, the app every
	 * even one; other groups can be added.
	 */
	static OktaSimOrg org(int count, Set<String> granted, OktaSimGroup... moreGroups) {
		List<OktaSimUser> users = OktaSimUsers.generate(count);
		List<String> members = new ArrayList<>();
		List<String> assigned = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (i % 3 != 0) {
				members.add(OktaSimUsers.id(i));
			}
			if (i % 2 == 0) {
				assigned.add(OktaSimUsers.id(i));
			}
		}
		List<OktaSimGroup> groups = new ArrayList<>(List.of(new OktaSimGroup(GROUP_ID, GROUP_NAME, members)));
		groups.addAll(List.of(moreGroups));
		OktaSimApp app = new OktaSimApp(APP_ID, "Phorge", assigned);
		return new OktaSimOrg(users, groups, List.of(app), TOKEN, client(granted));
	}

	static OktaSimClient client(Set<String> granted) {
		return new OktaSimClient(CLIENT_ID, KID, KEYS.getPublic(), granted);
	}

	static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
