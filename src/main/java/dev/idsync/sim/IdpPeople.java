package dev.idsync.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.Names.Human;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;

/**
 * The people the generator plants in Okta and Google Workspace: their users, who is entitled to Phorge, who is in the
 * Okta admin group, and where each person exists.
 */
final class IdpPeople {

	private static final String DOMAIN = "example.com";

	/** A planted leaver left at least this many days before the generator's "now". */
	static final int LEFT_AT_LEAST_DAYS = 30;

	/** Days before the generator's "now" that Google's leavers were deleted (or when created, if later). */
	static final int GOOGLE_DELETED_DAYS = 45;

	private final Random random;

	private final Names names;

	private final Ids ids;

	private final List<OktaSimUser> okta = new ArrayList<>();

	private final List<GoogleSimUser> google = new ArrayList<>();

	private final List<String> oktaEntitled = new ArrayList<>();

	private final List<String> googleEntitled = new ArrayList<>();

	private final List<String> oktaAdmins = new ArrayList<>();

	private final Map<Human, IdpUsers> users = new HashMap<>();

	private final Map<Human, State> states = new HashMap<>();

	private final List<String> departed = new ArrayList<>();

	private int employees;

	IdpPeople(Random random, Names names, Ids ids) {
		this.random = random;
		this.names = names;
		this.ids = ids;
	}

	/** A new person, entitled to Phorge, in the providers {@code presence} names. */
	Planted add(Presence presence, State state) {
		return add(presence, state, true);
	}

	/** A new person in the providers {@code presence} names, with an Okta second address or a Google alias now and then. */
	Planted add(Presence presence, State state, boolean entitled) {
		Human human = this.names.person(DOMAIN);
		String second = (presence.hasOkta() && this.random.nextInt(8) == 0)
				? this.names.unique(human.local(), "home.example.org") : null;
		List<String> aliases = (presence.hasGoogle() && this.random.nextInt(4) == 0) ? List.of(this.names
			.unique(Names.ascii(human.first()).charAt(0) + "." + Names.ascii(human.last()), DOMAIN)) : List.of();
		Planted planted = new Planted(human, second, aliases, employeeId(), null);
		add(planted, presence, state, entitled);
		return planted;
	}

	/** Adds {@code planted} to the providers {@code presence} names. */
	void add(Planted planted, Presence presence, State state, boolean entitled) {
		Instant created = Instant.ofEpochSecond(OrgGenerator.EPOCH - 86_400L * (30 + this.random.nextInt(2_000)));
		OktaSimUser oktaUser = null;
		GoogleSimUser googleUser = null;
		if (presence.hasOkta()) {
			oktaUser = oktaUser(planted, state, created);
			this.okta.add(oktaUser);
			if (entitled) {
				this.oktaEntitled.add(oktaUser.id());
			}
		}
		if (presence.hasGoogle()) {
			googleUser = googleUser(planted, state, created);
			this.google.add(googleUser);
			if (entitled) {
				this.googleEntitled.add(googleUser.id());
			}
		}
		this.users.put(planted.human(), new IdpUsers(oktaUser, googleUser));
		this.states.put(planted.human(), state);
	}

	/**
	 * Makes people leave at once: SUSPENDED in Okta, their status changed at {@code at}, and suspended in Google
	 * Workspace, which dates no suspension. Their entitlements stay as they were.
	 */
	void depart(Set<Human> leaving, Instant at) {
		Set<String> okta = new HashSet<>();
		Set<String> google = new HashSet<>();
		for (Human human : leaving) {
			IdpUsers was = of(human);
			OktaSimUser oktaUser = (was.okta() != null) ? suspended(was.okta(), at) : null;
			GoogleSimUser googleUser = (was.google() != null) ? suspended(was.google()) : null;
			this.users.put(human, new IdpUsers(oktaUser, googleUser));
			this.states.put(human, State.SUSPENDED);
			if (oktaUser != null) {
				okta.add(oktaUser.id());
				this.departed.add(oktaUser.id());
			}
			if (googleUser != null) {
				google.add(googleUser.id());
			}
		}
		this.okta.replaceAll((user) -> okta.contains(user.id()) ? suspended(user, at) : user);
		this.google.replaceAll((user) -> google.contains(user.id()) ? suspended(user) : user);
	}

	/** The lifecycle a person was planted with (or {@link State#SUSPENDED} once they {@link #depart departed}). */
	State state(Human human) {
		return this.states.get(human);
	}

	/** Puts an Okta person into {@link SyntheticOrg#OKTA_ADMIN_GROUP}. */
	void admit(Human human) {
		this.oktaAdmins.add(of(human).okta().id());
	}

	/** Where a planted person exists. */
	IdpUsers of(Human human) {
		return this.users.get(human);
	}

	/** Where a person exists, or {@code null} for none (a stray, a bot). */
	@Nullable IdpUsers find(@Nullable Human human) {
		return (human != null) ? this.users.get(human) : null;
	}

	/** The next HR employee id. */
	String employeeId() {
		return "E" + (100_000 + this.employees++);
	}

	List<OktaSimUser> okta() {
		return this.okta;
	}

	List<GoogleSimUser> google() {
		return this.google;
	}

	/** The Okta users in the Phorge group and assigned the Phorge app. */
	List<String> oktaEntitled() {
		return this.oktaEntitled;
	}

	/** The Google users in the Phorge group. */
	List<String> googleEntitled() {
		return this.googleEntitled;
	}

	/** The Okta users who {@link #depart departed} at once. */
	List<String> departed() {
		return this.departed;
	}

	/** The Okta users in the admin group. */
	List<String> oktaAdmins() {
		return this.oktaAdmins;
	}

	/**
	 * An Okta user. A leaver's status changed at least {@link #LEFT_AT_LEAST_DAYS} days before the generator's "now",
	 * and they have not signed in since; the dates still take exactly the random numbers they always took, so that a
	 * seed plants the same organisation.
	 */
	private OktaSimUser oktaUser(Planted planted, State state, Instant created) {
		Human human = planted.human();
		String status = state.oktaStatus(this.random);
		boolean staged = status.equals("STAGED");
		boolean started = !staged && !status.equals("PROVISIONED");
		Instant changed = created.plusSeconds(86_400L * this.random.nextInt(20));
		Instant lastLogin = started ? Instant.ofEpochSecond(OrgGenerator.EPOCH - this.random.nextInt(2_000_000))
				: null;
		if (state.inactive()) {
			changed = earliest(changed, Instant.ofEpochSecond(OrgGenerator.EPOCH - 86_400L * LEFT_AT_LEAST_DAYS));
			lastLogin = (lastLogin != null) ? earliest(lastLogin, changed) : null;
		}
		String login = (this.random.nextInt(20) == 0) ? capitalized(human) : human.email();
		return new OktaSimUser(this.ids.okta(), status, created, staged ? null : created.plusSeconds(3_600),
				staged ? null : changed, lastLogin, changed, login, login, planted.secondEmail(), human.first(),
				human.last(), attributes(planted));
	}

	private GoogleSimUser googleUser(Planted planted, State state, Instant created) {
		Human human = planted.human();
		boolean suspended = state.googleSuspended() && (state == State.SPLIT || this.random.nextBoolean());
		boolean archived = state.googleSuspended() && !suspended;
		Instant deletedAt = Instant.ofEpochSecond(OrgGenerator.EPOCH - 86_400L * GOOGLE_DELETED_DAYS);
		Instant deleted = (state == State.DEPROVISIONED) ? (created.isAfter(deletedAt) ? created : deletedAt) : null;
		Instant lastLogin = (this.random.nextInt(20) == 0) ? null
				: Instant.ofEpochSecond(OrgGenerator.EPOCH - this.random.nextInt(2_000_000));
		if (deleted != null && lastLogin != null) {
			lastLogin = earliest(lastLogin, deleted);
		}
		return new GoogleSimUser(this.ids.google(), human.email(), human.first(), human.last(), suspended, archived,
				false, lastLogin, created, deleted, planted.aliases(), "/Engineering", planted.employeeId());
	}

	private static OktaSimUser suspended(OktaSimUser user, Instant at) {
		return new OktaSimUser(user.id(), "SUSPENDED", user.created(), user.activated(), at, user.lastLogin(), at,
				user.login(), user.email(), user.secondEmail(), user.firstName(), user.lastName(),
				user.customAttributes());
	}

	private static GoogleSimUser suspended(GoogleSimUser user) {
		return new GoogleSimUser(user.id(), user.primaryEmail(), user.givenName(), user.familyName(), true, false,
				user.admin(), user.lastLoginTime(), user.creationTime(), null, user.aliases(), user.orgUnitPath(),
				user.employeeId());
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Map<String, String> attributes(Planted planted) {
		return (planted.phorgeUsername() != null)
				? Map.of("employeeNumber", planted.employeeId(), SyntheticOrg.USERNAME_ATTRIBUTE,
						planted.phorgeUsername())
				: Map.of("employeeNumber", planted.employeeId());
	}

	private static String capitalized(Human human) {
		return capitalizedLocal(human) + "@" + Character.toUpperCase(human.domain().charAt(0))
				+ human.domain().substring(1);
	}

	/** The local part with each dot-separated word capitalized: {@code Anna.Berg}. */
	static String capitalizedLocal(Human human) {
		StringBuilder out = new StringBuilder();
		for (String part : human.local().split("\\.")) {
			out.append(out.isEmpty() ? "" : ".").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return out.toString();
	}

}
