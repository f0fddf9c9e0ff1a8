package dev.idsync.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeAuthProvider;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * Plants how Phorge's accounts sign in, which only Phorge's database shows: the configured providers (passwords,
 * Google, and LDAP, as Okta's LDAP interface offers it), the external accounts linked to them, and MFA enrolment.
 * It draws from its own random source, seeded from the organisation's seed, so that everything else a seed plants
 * stays exactly as it was before sign-ins were planted.
 */
final class SignIns {

	/** Of the accounts whose person is in Google Workspace, the share (percent) linked to their Google account. */
	static final int GOOGLE_LINKS = 70;

	/** Of the accounts whose person is in Okta, the share (percent) linked through LDAP. */
	static final int LDAP_LINKS = 25;

	/** Of the approved people who are not administrators, the share (percent) enrolled in MFA. */
	static final int MFA_ENROLLED = 20;

	/** Mixed into the seed so that these draws are independent of the generator's. */
	private static final long SALT = 0x5349_474e_494e_53L;

	private static final String GOOGLE_SETTINGS = "{\"oauth:app:id\":\"idsync-sim.apps.googleusercontent.com\","
			+ "\"oauth:app:secret\":\"not-a-secret\"}";

	private static final String LDAP_SETTINGS = "{\"ldap:host\":\"example.ldap.okta.com\",\"ldap:port\":\"636\","
			+ "\"ldap:dn\":\"ou=users,dc=example,dc=okta,dc=com\",\"ldap:search-attribute\":\"uid\","
			+ "\"ldap:version\":3}";

	private final Random random;

	private final Ids ids;

	private final PhorgeAuthProvider password;

	private final PhorgeAuthProvider google;

	private final PhorgeAuthProvider ldap;

	SignIns(long seed) {
		this.random = new Random(seed ^ SALT);
		this.ids = new Ids(this.random);
		long configured = OrgGenerator.EPOCH - 86_400L * 2_600;
		this.password = new PhorgeAuthProvider(this.ids.phid("AUTH"), "PhabricatorPasswordAuthProvider", "password",
				"self", false, false, "[]", configured);
		this.google = new PhorgeAuthProvider(this.ids.phid("AUTH"), "PhabricatorGoogleAuthProvider", "google",
				"google.com", true, true, GOOGLE_SETTINGS, configured + 600);
		this.ldap = new PhorgeAuthProvider(this.ids.phid("AUTH"), "PhabricatorLDAPAuthProvider", "ldap", "self", true,
				false, LDAP_SETTINGS, configured + 1_200);
	}

	/** The providers Phorge is configured with: passwords, Google and LDAP. */
	List<PhorgeAuthProvider> providers() {
		return List.of(this.password, this.google, this.ldap);
	}

	/**
	 * Enrols users in MFA: every administrator but one (the gap an audit should find) and about one in five other
	 * approved people; never bots or mailing lists, which cannot sign in.
	 * @param users the accounts
	 * @param mayLackMfa the administrators the one without MFA is drawn from
	 */
	List<PhorgeUser> enrolMfa(List<PhorgeUser> users, Predicate<PhorgeUser> mayLackMfa) {
		List<PhorgeUser> admins = users.stream().filter(PhorgeUser::admin).filter(mayLackMfa).toList();
		PhorgeUser holdout = admins.isEmpty() ? null : admins.get(this.random.nextInt(admins.size()));
		List<PhorgeUser> result = new ArrayList<>(users.size());
		for (PhorgeUser user : users) {
			result.add(user.withMfa(user.admin() ? !user.equals(holdout) : enrols(user)));
		}
		return result;
	}

	/**
	 * The external accounts of the people behind {@code users}: most people in Google Workspace signed in with
	 * Google, some people in Okta through LDAP (a few both), and one Google link was unlinked again.
	 * @param users the accounts, in id order
	 * @param people where the person behind an account exists in the identity providers, or {@code null} for
	 * accounts no person stands behind (bots, lists, strays)
	 */
	List<PhorgeExternalAccount> link(List<PhorgeUser> users, Function<PhorgeUser, @Nullable IdpUsers> people) {
		List<PhorgeExternalAccount> accounts = new ArrayList<>();
		for (PhorgeUser user : users) {
			IdpUsers person = people.apply(user);
			if (person != null && person.google() != null && this.random.nextInt(100) < GOOGLE_LINKS) {
				accounts.add(google(user, person.google()));
			}
			if (person != null && person.okta() != null && this.random.nextInt(100) < LDAP_LINKS) {
				accounts.add(ldap(user, person.okta()));
			}
		}
		unlinkOne(accounts);
		return accounts;
	}

	/**
	 * Links {@code user} to every account its person has: their Google account, and their Okta user through LDAP.
	 * For accounts that share nothing else with the person, so that only Phorge's database ties them together.
	 */
	List<PhorgeExternalAccount> linkAll(PhorgeUser user, IdpUsers person) {
		List<PhorgeExternalAccount> accounts = new ArrayList<>();
		if (person.google() != null) {
			accounts.add(google(user, person.google()));
		}
		if (person.okta() != null) {
			accounts.add(ldap(user, person.okta()));
		}
		return accounts;
	}

	private boolean enrols(PhorgeUser user) {
		return !user.bot() && !user.mailingList() && user.approved() && this.random.nextInt(100) < MFA_ENROLLED;
	}

	/** A Google link: identified by {@code id(<Google user id>)} and by the address, named by its local part. */
	private PhorgeExternalAccount google(PhorgeUser user, GoogleSimUser person) {
		String email = person.primaryEmail();
		return new PhorgeExternalAccount(this.ids.phid("XUSR"), user.phid(), this.google, localPart(email),
				person.givenName() + " " + person.familyName(), email, true, linkedAt(user),
				List.of("id(" + person.id() + ")", email));
	}

	/** An LDAP link through Okta's LDAP interface: identified by {@code uid}, the Okta login's local part. */
	private PhorgeExternalAccount ldap(PhorgeUser user, OktaSimUser person) {
		String uid = localPart(person.login());
		return new PhorgeExternalAccount(this.ids.phid("XUSR"), user.phid(), this.ldap, uid,
				person.firstName() + " " + person.lastName(), person.email(), true, linkedAt(user), List.of(uid));
	}

	/** Unlinks one Google link as Phorge does: the row and its identifiers stay, the person's fields are cleared. */
	private void unlinkOne(List<PhorgeExternalAccount> accounts) {
		List<Integer> googleLinks = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			if (accounts.get(i).provider() == this.google) {
				googleLinks.add(i);
			}
		}
		if (googleLinks.isEmpty()) {
			return;
		}
		int index = googleLinks.get(this.random.nextInt(googleLinks.size()));
		PhorgeExternalAccount linked = accounts.get(index);
		accounts.set(index, new PhorgeExternalAccount(linked.phid(), null, linked.provider(), null, null, null, false,
				linked.dateCreated(), linked.identifiers()));
	}

	private long linkedAt(PhorgeUser user) {
		return user.dateCreated() + 60 + this.random.nextInt(86_400 * 30);
	}

	private static String localPart(String email) {
		return email.substring(0, email.indexOf('@'));
	}

}
