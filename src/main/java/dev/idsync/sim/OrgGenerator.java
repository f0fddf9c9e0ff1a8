package dev.idsync.sim;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.Names.Human;
import dev.idsync.sim.google.GoogleSimCustomer;
import dev.idsync.sim.google.GoogleSimGroup;
import dev.idsync.sim.google.GoogleSimServiceAccount;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimApp;
import dev.idsync.sim.okta.OktaSimClient;
import dev.idsync.sim.okta.OktaSimGroup;
import dev.idsync.sim.okta.OktaSimOrg;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * Generates a deterministic synthetic organisation that plants every drift category the job knows, in known numbers,
 * with the mess of a real one: people in one or both identity providers, mixed-case and secondary addresses, Google
 * aliases, username-only matches, disputes, bots with and without owners, unapproved accounts and mailing lists.
 * Phorge's sign-ins (external accounts, MFA enrolment) are planted last, from a random source of their own (see
 * {@link SignIns}), so that they change nothing else a seed plants.
 */
public final class OrgGenerator {

	/** The smallest organisation in which every category can be planted. */
	public static final int MIN_PEOPLE = 50;

	/** The synthetic "now" every generated date is relative to (2026-11-17), so that a seed fixes everything. */
	static final long EPOCH = 1_795_000_000L;

	private static final String DOMAIN = "example.com";

	private final long seed;

	private final Random random;

	private final Names names;

	private final Ids ids;

	private final Set<String> usernames = new HashSet<>();

	private final List<OktaSimUser> okta = new ArrayList<>();

	private final List<GoogleSimUser> google = new ArrayList<>();

	private final List<Draft> accounts = new ArrayList<>();

	private final List<TruthEntry> identityTruth = new ArrayList<>();

	private final Map<String, String> botOwners = new LinkedHashMap<>();

	private final List<Human> active = new ArrayList<>();

	private final List<Human> gone = new ArrayList<>();

	private final List<String> oktaEntitled = new ArrayList<>();

	private final List<String> googleEntitled = new ArrayList<>();

	/** Where each planted person exists in the identity providers. */
	private final Map<Human, IdpUsers> idpUsers = new HashMap<>();

	/** The person behind each human account, by username (a disputed account: the person it was made for). */
	private final Map<String, Human> owners = new HashMap<>();

	private int employees;

	private OrgGenerator(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
		this.names = new Names(this.random);
		this.ids = new Ids(this.random);
	}

	/**
	 * Generates an organisation.
	 * @param seed fixes every name, id, token and choice
	 * @param people how many people the identity providers hold, at least {@link #MIN_PEOPLE}
	 * @return the organisation and its planted truth
	 */
	public static SyntheticOrg generate(long seed, int people) {
		if (people < MIN_PEOPLE) {
			throw new IllegalArgumentException("--people must be at least " + MIN_PEOPLE + " (was " + people + ")");
		}
		return new OrgGenerator(seed).plant(people);
	}

	private SyntheticOrg plant(int people) {
		Quotas q = Quotas.of(people);
		repeat(q.admins(), (i) -> plantLinked(Presence.OKTA, State.ACTIVE, Style.PRIMARY, AccountState.ADMIN, "LINKED_OK"));
		repeat(q.leaversActive(), (i) -> plantLeaver(i, AccountState.ENABLED, "LEAVER_ACTIVE"));
		repeat(q.leaversDisabled(), (i) -> plantLeaver(i, AccountState.DISABLED, "LINKED_OK"));
		repeat(q.joiners(), (i) -> this.identityTruth.add(new TruthEntry("JOINER_NO_ACCOUNT", null,
				identity(Presence.pick(i), State.ACTIVE).human().email())));
		repeat(q.goneWithoutAccount(), (i) -> this.gone.add(identity(Presence.pick(i), State.inactive(i)).human()));
		repeat(q.pendingWithoutAccount(), (i) -> identity(Presence.OKTA, State.PENDING));
		repeat(q.pendingApproval(),
				(i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.PRIMARY, AccountState.UNAPPROVED, "PENDING_APPROVAL"));
		repeat(q.linkedDisabled(),
				(i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.PRIMARY, AccountState.DISABLED, "LINKED_DISABLED"));
		repeat(q.split(), (i) -> {
			Human human = plantLinked(Presence.BOTH, State.SPLIT, Style.PRIMARY, AccountState.ENABLED, "LINKED_OK");
			this.identityTruth.add(new TruthEntry("SOURCE_CONFLICT", null, human.email()));
		});
		repeat(q.notEntitled(), (i) -> {
			Planted planted = identity(Presence.pick(i), State.ACTIVE, false);
			draft(planted, Style.PRIMARY, AccountState.ENABLED, "NOT_ENTITLED");
		});
		repeat(q.bystanders(), (i) -> identity(Presence.pick(i), State.ACTIVE, false));
		repeat(q.hinted(), (i) -> plantHinted());
		repeat(q.usernameRule(),
				(i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.USERNAME, AccountState.ENABLED, "LINKED_OK"));
		repeat(q.disputedShared(), (i) -> plantSharedDispute());
		repeat(q.disputedDouble(), (i) -> plantDoubleDispute());
		repeat(q.regular(), (i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.pick(this.random),
				AccountState.ENABLED, "LINKED_OK"));
		repeat(q.orphans(), (i) -> plantStray("contractors.example.net", (i == 1) ? AccountState.ADMIN
				: (i == 2) ? AccountState.UNAPPROVED : AccountState.ENABLED, "ORPHAN"));
		repeat(q.unlinkedDisabled(), (i) -> plantStray(DOMAIN, AccountState.DISABLED, "UNLINKED_DISABLED"));
		String conduitToken = plantBots(q);
		plantList("ops-list", "Ops Mailing List");
		plantList("eng-announce", "Engineering Announcements");
		return build(conduitToken);
	}

	private void plantLeaver(int i, AccountState account, String category) {
		Style style = (i % 9 == 4) ? Style.USERNAME : (i % 5 == 2) ? Style.MIXED_CASE : Style.PRIMARY;
		Planted planted = identity(Presence.pick(i), State.inactive(i));
		draft(planted, style, (i == 1 && account == AccountState.ENABLED) ? AccountState.ADMIN : account, category);
		this.gone.add(planted.human());
	}

	private Human plantLinked(Presence presence, State state, Style style, AccountState account, String category) {
		Planted planted = identity(presence, state);
		this.active.add(planted.human());
		draft(planted, style.fitting(planted), account, category);
		return planted.human();
	}

	/**
	 * A person whose Phorge account neither shares an address with them nor is named after their email, but whose Okta
	 * profile records the Phorge username ({@link SyntheticOrg#USERNAME_ATTRIBUTE}).
	 */
	private void plantHinted() {
		Human human = this.names.person(DOMAIN);
		String username = this.names.username("hint-" + Names.ascii(human.first()), this.usernames);
		Planted planted = new Planted(human, null, List.of(), employeeId(), username);
		identity(planted, Presence.OKTA, State.ACTIVE, true);
		this.active.add(human);
		this.owners.put(username, human);
		this.accounts.add(Draft.human(username, human.realName(), AccountState.ENABLED,
				List.of(row(this.names.unique(human.local(), "legacy.example.org"), true)), "LINKED_OK"));
	}

	/** One account whose addresses belong to two different people. */
	private void plantSharedDispute() {
		Human a = identity(Presence.OKTA, State.ACTIVE).human();
		Human b = identity(Presence.GOOGLE, State.ACTIVE).human();
		Draft draft = Draft.human(username(a), a.realName(), AccountState.ENABLED,
				List.of(row(a.email(), true), row(b.email(), false)), "DISPUTED");
		this.owners.put(draft.username(), a);
		this.accounts.add(draft);
	}

	/** One person whose two addresses are on two different accounts. */
	private void plantDoubleDispute() {
		Human human = this.names.person(DOMAIN);
		String second = this.names.unique(human.local(), "home.example.org");
		identity(new Planted(human, second, List.of(), employeeId(), null), Presence.OKTA, State.ACTIVE, true);
		Draft first = Draft.human(username(human), human.realName(), AccountState.ENABLED,
				List.of(row(human.email(), true)), "DISPUTED");
		this.owners.put(first.username(), human);
		this.accounts.add(first);
		this.accounts.add(Draft.human(this.names.username(Names.ascii(human.first()) + "-home", this.usernames),
				human.realName(), AccountState.ENABLED, List.of(row(second, true)), "DISPUTED"));
	}

	/** An account no identity source knows: a contractor's, or a long-gone employee's. */
	private void plantStray(String domain, AccountState account, String category) {
		Human ghost = this.names.person(domain);
		String first = Names.ascii(ghost.first());
		String base = domain.equals(DOMAIN) ? first.charAt(0) + Names.ascii(ghost.last()) : "ext-" + first;
		this.accounts.add(Draft.human(this.names.username(base, this.usernames), ghost.realName(), account,
				List.of(row(ghost.email(), true)), category));
	}

	private String plantBots(Quotas q) {
		String[] bases = { "ci-bot", "deploy-bot", "release-bot", "lint-bot", "backup-bot", "herald-bot", "docs-bot",
				"triage-bot" };
		int next = 0;
		String idsyncToken = plantBot("idsync-bot", this.active.get(0).email(), "LINKED_OK");
		for (int i = 0; i < q.ownedBots(); i++) {
			Human owner = this.active.get(1 + this.random.nextInt(this.active.size() - 1));
			plantBot(bases[next++ % bases.length], owner.email(), "LINKED_OK");
		}
		for (int i = 0; i < q.ownerlessBots(); i++) {
			plantBot(bases[next++ % bases.length], null, "BOT_NO_OWNER");
		}
		for (int i = 0; i < q.orphanedBots(); i++) {
			plantBot(bases[next++ % bases.length], this.gone.get(i % this.gone.size()).email(), "BOT_OWNER_LEFT");
		}
		plantBot(bases[next % bases.length], this.names.unique("former.owner", DOMAIN), "BOT_OWNER_LEFT");
		return idsyncToken;
	}

	private String plantBot(String base, @Nullable String ownerEmail, String category) {
		String name = this.names.username(base, this.usernames);
		String token = this.ids.token();
		this.accounts.add(new Draft(name, botRealName(name), true, false, false, true, false,
				List.of(row(this.names.unique(name, DOMAIN), true)), category, token));
		if (ownerEmail != null) {
			this.botOwners.put(name, ownerEmail.toLowerCase(Locale.ROOT));
		}
		return token;
	}

	private void plantList(String base, String realName) {
		String name = this.names.username(base, this.usernames);
		this.accounts.add(new Draft(name, realName, false, true, false, true, false,
				List.of(row(this.names.unique(name, "lists." + DOMAIN), true)), "MAILING_LIST", null));
	}

	private Planted identity(Presence presence, State state) {
		return identity(presence, state, true);
	}

	private Planted identity(Presence presence, State state, boolean entitled) {
		Human human = this.names.person(DOMAIN);
		String second = (presence.hasOkta() && this.random.nextInt(8) == 0)
				? this.names.unique(human.local(), "home.example.org") : null;
		List<String> aliases = (presence.hasGoogle() && this.random.nextInt(4) == 0) ? List.of(this.names
			.unique(Names.ascii(human.first()).charAt(0) + "." + Names.ascii(human.last()), DOMAIN)) : List.of();
		Planted planted = new Planted(human, second, aliases, employeeId(), null);
		identity(planted, presence, state, entitled);
		return planted;
	}

	private void identity(Planted planted, Presence presence, State state, boolean entitled) {
		Instant created = Instant.ofEpochSecond(EPOCH - 86_400L * (30 + this.random.nextInt(2_000)));
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
		this.idpUsers.put(planted.human(), new IdpUsers(oktaUser, googleUser));
	}

	private OktaSimUser oktaUser(Planted planted, State state, Instant created) {
		Human human = planted.human();
		String status = state.oktaStatus(this.random);
		boolean staged = status.equals("STAGED");
		boolean started = !staged && !status.equals("PROVISIONED");
		Instant changed = created.plusSeconds(86_400L * this.random.nextInt(20));
		Instant lastLogin = started ? Instant.ofEpochSecond(EPOCH - this.random.nextInt(2_000_000)) : null;
		String login = (this.random.nextInt(20) == 0) ? capitalized(human) : human.email();
		return new OktaSimUser(this.ids.okta(), status, created, staged ? null : created.plusSeconds(3_600),
				staged ? null : changed, lastLogin, changed, login, login, planted.secondEmail(), human.first(),
				human.last(), attributes(planted));
	}

	private GoogleSimUser googleUser(Planted planted, State state, Instant created) {
		Human human = planted.human();
		boolean suspended = state.googleSuspended() && (state == State.SPLIT || this.random.nextBoolean());
		boolean archived = state.googleSuspended() && !suspended;
		Instant deleted = (state == State.DEPROVISIONED) ? Instant.ofEpochSecond(EPOCH - 86_400L * 3) : null;
		Instant lastLogin = (this.random.nextInt(20) == 0) ? null
				: Instant.ofEpochSecond(EPOCH - this.random.nextInt(2_000_000));
		return new GoogleSimUser(this.ids.google(), human.email(), human.first(), human.last(), suspended, archived,
				false, lastLogin, created, deleted, planted.aliases(), "/Engineering", planted.employeeId());
	}

	private void draft(Planted planted, Style style, AccountState account, String category) {
		Human human = planted.human();
		String username = (style == Style.USERNAME)
				? this.names.username((this.random.nextInt(3) == 0) ? capitalizedLocal(human) : human.local(),
						this.usernames)
				: username(human);
		Draft draft = Draft.human(username, human.realName(), account, style.emails(planted, this.names, this.random),
				category);
		this.owners.put(username, human);
		this.accounts.add(draft);
	}

	private static Map<String, String> attributes(Planted planted) {
		return (planted.phorgeUsername() != null)
				? Map.of("employeeNumber", planted.employeeId(), SyntheticOrg.USERNAME_ATTRIBUTE,
						planted.phorgeUsername())
				: Map.of("employeeNumber", planted.employeeId());
	}

	private String employeeId() {
		return "E" + (100_000 + this.employees++);
	}

	private String username(Human human) {
		String first = Names.ascii(human.first());
		String last = Names.ascii(human.last());
		String base = switch (this.random.nextInt(3)) {
			case 0 -> first.charAt(0) + last;
			case 1 -> first + last.charAt(0);
			default -> first + "_" + last;
		};
		return this.names.username(base, this.usernames);
	}

	private SyntheticOrg build(String conduitToken) {
		List<Draft> shuffled = new ArrayList<>(this.accounts);
		Collections.shuffle(shuffled, this.random);
		List<PhorgeUser> users = new ArrayList<>();
		List<PhorgeEmail> emails = new ArrayList<>();
		List<PhorgeToken> tokens = new ArrayList<>();
		List<TruthEntry> truth = new ArrayList<>();
		Set<String> disablers = new HashSet<>();
		long created = EPOCH - 86_400L * 2_500;
		for (int i = 0; i < shuffled.size(); i++) {
			Draft draft = shuffled.get(i);
			created += 1 + this.random.nextInt(86_400);
			PhorgeUser user = draft.toUser(i + 1, this.ids.phid("USER"), created, this.ids.imagePath());
			users.add(user);
			draft.emails().forEach((e) -> emails.add(new PhorgeEmail(user.phid(), e.address(), e.verified(),
					e.primary())));
			if (draft.token() != null) {
				tokens.add(new PhorgeToken(user.phid(), "api", draft.token(), null, created + 60, "Standard API Token"));
				if (draft.token().equals(conduitToken)) {
					disablers.add(user.phid());
				}
			}
			truth.add(new TruthEntry(draft.category(), draft.username(), null));
		}
		truth.addAll(this.identityTruth);
		KeyPair oktaKey = Keys.rsa();
		KeyPair googleKey = Keys.rsa();
		OktaSimOrg okta = new OktaSimOrg(this.okta,
				List.of(new OktaSimGroup(this.ids.oktaObject("00g"), SyntheticOrg.OKTA_GROUP, this.oktaEntitled),
						new OktaSimGroup(this.ids.oktaObject("00g"), "Everyone", this.okta.stream().map(OktaSimUser::id)
							.toList())),
				List.of(new OktaSimApp(this.ids.oktaObject("0oa"), SyntheticOrg.OKTA_APP, this.oktaEntitled)),
				this.ids.oktaToken(), new OktaSimClient(this.ids.oktaObject("0oa"), "idsync-key-1",
						oktaKey.getPublic(), Set.of("okta.users.read", "okta.groups.read", "okta.apps.read")));
		GoogleSimCustomer google = new GoogleSimCustomer(this.google,
				List.of(new GoogleSimGroup(this.ids.google(), SyntheticOrg.GOOGLE_GROUP, this.googleEntitled)),
				Simulator.GOOGLE_CUSTOMER, this.ids.googleToken(),
				new GoogleSimServiceAccount("idsync-reader@idsync-sim.iam.gserviceaccount.com", this.ids.google(),
						this.ids.keyId(), googleKey.getPublic(), "admin@" + DOMAIN,
						Set.of("https://www.googleapis.com/auth/admin.directory.user.readonly",
								"https://www.googleapis.com/auth/admin.directory.group.member.readonly")));
		SignIns signIns = new SignIns(this.seed);
		List<PhorgeUser> enrolled = signIns.enrolMfa(users);
		List<PhorgeExternalAccount> links = signIns.link(enrolled, this::idpUsers);
		return new SyntheticOrg(okta, Keys.pem(oktaKey), google, Keys.pem(googleKey), enrolled, emails, tokens,
				disablers, Map.copyOf(this.botOwners), conduitToken, truth, signIns.providers(), links);
	}

	/** Where the person behind an account exists, or {@code null} when no person stands behind it. */
	private @Nullable IdpUsers idpUsers(PhorgeUser user) {
		Human owner = this.owners.get(user.userName());
		return (owner != null) ? this.idpUsers.get(owner) : null;
	}

	private static PhorgeEmail row(String address, boolean primary) {
		return new PhorgeEmail("", address, true, primary);
	}

	private static String capitalized(Human human) {
		return capitalizedLocal(human) + "@" + Character.toUpperCase(human.domain().charAt(0))
				+ human.domain().substring(1);
	}

	private static String capitalizedLocal(Human human) {
		StringBuilder out = new StringBuilder();
		for (String part : human.local().split("\\.")) {
			out.append(out.isEmpty() ? "" : ".").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return out.toString();
	}

	private static String botRealName(String name) {
		String words = name.replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static void repeat(int times, IntConsumer body) {
		for (int i = 0; i < times; i++) {
			body.accept(i);
		}
	}

}
