package dev.idsync.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.Names.Human;
import dev.idsync.sim.ReconcileSettings.Exemption;
import dev.idsync.sim.ReconcileSettings.Mapping;
import dev.idsync.sim.phorge.PhorgeEmail;

/**
 * Generates a deterministic synthetic organisation that plants every drift category the job knows, in known numbers,
 * with the mess of a real one: people in one or both identity providers, mixed-case and secondary addresses, Google
 * aliases, username-only matches, disputes, bots with and without owners, unapproved accounts and mailing lists, and
 * what only Phorge's database shows (external-account links, MFA, API tokens and who disabled an account). Phorge's
 * sign-ins (external accounts, MFA enrolment) are planted last, from a random source of their own (see
 * {@link SignIns}). Strays (accounts nobody claims) bear names no person has, so that a real name ties an account to
 * a person only where an UNLINKED_CANDIDATE is planted.
 */
public final class OrgGenerator {

	/** The smallest organisation in which every category can be planted. */
	public static final int MIN_PEOPLE = 50;

	/** The synthetic "now" every generated date is relative to (2026-11-17), so that a seed fixes everything. */
	static final long EPOCH = 1_795_000_000L;

	/** The domain of every person's primary email. */
	static final String DOMAIN = "example.com";

	/** An older domain of the same mailboxes ({@code idsync.reconcile.domain-aliases}), which some accounts still use. */
	static final String ALIAS_DOMAIN = "corp.example.com";

	private static final String CONTRACTORS = "contractors.example.net";

	private static final String PARTNERS = "partners.example.net";

	private static final PhorgeAccess DATABASE = PhorgeAccess.CONDUIT_AND_DATABASE;

	private static final long DAY = 86_400L;

	private final long seed;

	private final Random random;

	private final Names names;

	private final Ids ids;

	private final IdpPeople people;

	private final Plantings planted = new Plantings();

	private final List<Human> active = new ArrayList<>();

	private final List<Human> gone = new ArrayList<>();

	/** The administrator who disables accounts and signs off exemptions and mappings. */
	private @Nullable Draft firstAdmin;

	private OrgGenerator(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
		this.names = new Names(this.random);
		this.ids = new Ids(this.random);
		this.people = new IdpPeople(this.random, this.names, this.ids);
	}

	/**
	 * Generates an organisation.
	 * @param seed fixes every name, id, token and choice
	 * @param people how many people the identity providers hold, at least {@link #MIN_PEOPLE}
	 * @return the organisation and its planted truth
	 */
	public static SyntheticOrg generate(long seed, int people) {
		return generate(seed, people, Scenario.PLAIN);
	}

	/**
	 * Generates an organisation to which {@code scenario} happens.
	 * @param seed fixes every name, id, token and choice; the organisation is the plain one's but for the scenario
	 * @param people how many people the identity providers hold, at least {@link #MIN_PEOPLE}
	 * @param scenario what befalls the organisation besides its planted drift
	 * @return the organisation and its truth
	 */
	public static SyntheticOrg generate(long seed, int people, Scenario scenario) {
		if (people < MIN_PEOPLE) {
			throw new IllegalArgumentException("--people must be at least " + MIN_PEOPLE + " (was " + people + ")");
		}
		return new OrgGenerator(seed).plant(people, scenario);
	}

	private SyntheticOrg plant(int people, Scenario scenario) {
		Quotas q = Quotas.of(people);
		// first, so that nobody planted later bears a candidate's name
		repeat(q.candidates(), this::plantCandidate);
		repeat(q.admins(), (i) -> plantAdmin(i < q.admins() - 1));
		repeat(q.leaversActive(), (i) -> plantLeaver(i, AccountState.ENABLED, "LEAVER_ACTIVE"));
		repeat(q.leaversDisabled(), (i) -> plantDisabledLeaver(i, q.leaverTokens()));
		repeat(q.joiners(), (i) -> this.planted.identityFinding("JOINER_NO_ACCOUNT",
				this.people.add(Presence.pick(i), State.ACTIVE).human().email(), null));
		repeat(q.goneWithoutAccount(), (i) -> this.gone.add(this.people.add(Presence.pick(i), State.inactive(i)).human()));
		repeat(q.pendingWithoutAccount(), (i) -> this.people.add(Presence.OKTA, State.PENDING));
		repeat(q.pendingApproval(),
				(i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.PRIMARY, AccountState.UNAPPROVED, "PENDING_APPROVAL"));
		repeat(q.linkedDisabled(),
				(i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.PRIMARY, AccountState.DISABLED, "LINKED_DISABLED"));
		repeat(q.reenable(), (i) -> plantDisabledByIdsync(i));
		repeat(q.split(), (i) -> {
			Draft draft = plantLinked(Presence.BOTH, State.SPLIT, Style.PRIMARY, AccountState.ENABLED, "LINKED_OK");
			this.planted.identityFinding("SOURCE_CONFLICT", this.planted.owner(draft.username()).email(), null);
		});
		repeat(q.notEntitled(), (i) -> {
			Planted person = this.people.add(Presence.pick(i), State.ACTIVE, false);
			draft(person, Style.PRIMARY, AccountState.ENABLED, "NOT_ENTITLED");
		});
		repeat(q.bystanders(), (i) -> this.people.add(Presence.pick(i), State.ACTIVE, false));
		repeat(q.hinted(), (i) -> plantHinted());
		repeat(q.usernameRule(),
				(i) -> plantLinked(Presence.pick(i), State.ACTIVE, Style.USERNAME, AccountState.ENABLED, "LINKED_OK"));
		repeat(q.disputedShared(), (i) -> plantSharedDispute());
		repeat(q.disputedDouble(), (i) -> plantDoubleDispute());
		repeat(q.regular(), (i) -> plantRegular(i, q.tokenHolders()));
		repeat(q.renamed(), this::plantRenamed);
		repeat(q.aliased(), this::plantAliased);
		plantMapped();
		plantExternallyLinked(Presence.GOOGLE);
		plantExternallyLinked(Presence.OKTA);
		repeat(q.orphans(), this::plantOrphan);
		repeat(q.unlinkedDisabled(), (i) -> plantStray(DOMAIN, AccountState.DISABLED, "UNLINKED_DISABLED"));
		plantBreakGlass();
		String idsyncBot = plantBots(q);
		plantList("ops-list", "Ops Mailing List");
		plantList("eng-announce", "Engineering Announcements");
		if (!scenario.plain()) {
			new MassDeparture(this.seed, scenario.percent()).apply(this.people, this.planted);
		}
		return new OrgAssembly(this.seed, this.random, this.ids, this.people, this.planted)
			.build(idsyncBot, admin().username(), List.of(ALIAS_DOMAIN + "=" + DOMAIN));
	}

	/**
	 * A person no account matches by anything stronger than their name: an account made for them by hand, with
	 * another username and address, whose real name is theirs (sometimes in other letter case or spacing). Their name
	 * is reserved, so that exactly one person bears it.
	 */
	private void plantCandidate(int i) {
		Human person = this.people.add(Presence.OKTA, State.ACTIVE).human();
		this.names.reserve(person);
		Human stranger = this.names.stray(CONTRACTORS);
		String realName = switch (i % 3) {
			case 1 -> person.realName().toLowerCase(Locale.ROOT);
			case 2 -> person.first() + "  " + person.last();
			default -> person.realName();
		};
		String username = this.names.username("ext-" + Names.ascii(stranger.first()));
		this.planted.add(Draft.human(username, realName, AccountState.ENABLED, List.of(row(stranger.email(), true)),
				"UNLINKED_CANDIDATE"));
	}

	/** An administrator, in the Okta admin group or, for the last one, not (PRIVILEGED_DRIFT). */
	private void plantAdmin(boolean inAdminGroup) {
		Draft admin = plantLinked(Presence.OKTA, State.ACTIVE, Style.PRIMARY, AccountState.ADMIN, "LINKED_OK");
		if (this.firstAdmin == null) {
			this.firstAdmin = admin;
		}
		if (inAdminGroup) {
			this.people.admit(this.planted.owner(admin.username()));
		}
		else {
			this.planted.privileged(admin.username());
		}
	}

	/** A leaver whose account is still enabled; the second is an administrator, the first had an exemption. */
	private void plantLeaver(int i, AccountState account, String category) {
		Style style = (i % 9 == 4) ? Style.USERNAME : (i % 5 == 2) ? Style.MIXED_CASE : Style.PRIMARY;
		Planted person = this.people.add(Presence.pick(i), State.inactive(i));
		boolean admin = i == 1 && account == AccountState.ENABLED;
		Draft draft = draft(person, style, admin ? AccountState.ADMIN : account, category);
		this.gone.add(person.human());
		if (admin) {
			this.planted.privileged(draft.username());
		}
		if (i == 0 && account == AccountState.ENABLED) {
			this.planted.exemption(new Exemption(draft.username(), adminEmail(), "handing over the release process",
					-30));
			this.planted.finding(draft.username(), "EXEMPTION_EXPIRED", null);
		}
	}

	/** A leaver whose account is disabled; the first few still hold a live token, the next one a terminated one. */
	private void plantDisabledLeaver(int i, int withTokens) {
		plantLeaver(i, AccountState.DISABLED, "LINKED_OK");
		String username = lastAccount().username();
		if (i < withTokens) {
			this.planted.token(username, new PlantedToken(this.ids.token(), ago(30, 180), null));
			this.planted.finding(username, "LEAVER_HAS_TOKENS", DATABASE);
		}
		else if (i == withTokens) {
			this.planted.token(username, new PlantedToken(this.ids.token(), ago(100, 180), ago(5, 60)));
		}
	}

	/**
	 * An active, entitled person whose account idsync disabled while they were away: a REENABLE_CANDIDATE where the
	 * database shows who disabled it, LINKED_DISABLED through Conduit alone.
	 */
	private void plantDisabledByIdsync(int i) {
		Draft draft = plantLinked(Presence.pick(i), State.ACTIVE, Style.PRIMARY, AccountState.DISABLED,
				"LINKED_DISABLED");
		this.planted.replaceLast(draft.inDatabase("REENABLE_CANDIDATE"));
		this.planted.disabledByIdsync(draft.username());
	}

	private Draft plantLinked(Presence presence, State state, Style style, AccountState account, String category) {
		Planted person = this.people.add(presence, state);
		this.active.add(person.human());
		return draft(person, style.fitting(person), account, category);
	}

	/**
	 * An ordinary linked account. The first {@code tokenHolders} hold a personal API token, every second one stale;
	 * the next one a stale token that was terminated; the one after that has its name with a doubled space.
	 */
	private void plantRegular(int i, int tokenHolders) {
		Draft draft = plantLinked(Presence.pick(i), State.ACTIVE, Style.pick(this.random), AccountState.ENABLED,
				"LINKED_OK");
		if (i < tokenHolders) {
			boolean stale = i % 2 == 1;
			this.planted.token(draft.username(),
					new PlantedToken(this.ids.token(), stale ? ago(500, 1_500) : ago(5, 180), null));
			if (stale) {
				this.planted.finding(draft.username(), "TOKEN_STALE", DATABASE);
			}
		}
		else if (i == tokenHolders) {
			this.planted.token(draft.username(), new PlantedToken(this.ids.token(), ago(600, 1_200), ago(10, 90)));
		}
		else if (i == tokenHolders + 1) {
			this.planted.replaceLast(draft.withRealName(draft.realName().replace(" ", "  ")));
		}
	}

	/** A linked account that kept the person's former name (ATTRIBUTE_DRIFT). */
	private void plantRenamed(int i) {
		Draft draft = plantLinked(Presence.pick(i), State.ACTIVE, Style.PRIMARY, AccountState.ENABLED, "LINKED_OK");
		this.planted.replaceLast(draft.withRealName(this.names.renamed(this.planted.owner(draft.username()))));
		this.planted.finding(draft.username(), "ATTRIBUTE_DRIFT", null);
	}

	/**
	 * A person whose account holds only their address at the alias domain, which the providers never show. It has no
	 * external-account link, so that the alias is what ties it either way.
	 */
	private void plantAliased(int i) {
		Planted person = this.people.add(Presence.pick(i), State.ACTIVE);
		Human human = person.human();
		this.active.add(human);
		String address = human.local() + "@" + ALIAS_DOMAIN;
		if (!this.names.claim(address)) {
			throw new IllegalStateException("Two people with the local part of " + address);
		}
		this.planted.add(Draft.human(username(human), human.realName(), AccountState.ENABLED,
				List.of(row(address, true)), "LINKED_OK"));
	}

	/**
	 * A person and an account that share nothing (username, address, name), tied by an administrator's manual
	 * mapping: linked either way, and its name differs from the person's (ATTRIBUTE_DRIFT).
	 */
	private void plantMapped() {
		Human person = this.people.add(Presence.OKTA, State.ACTIVE).human();
		Human stranger = this.names.stray(PARTNERS);
		String username = this.names.username(Names.ascii(stranger.first()) + "-" + Names.ascii(stranger.last()));
		this.planted.add(Draft.human(username, stranger.realName(), AccountState.ENABLED,
				List.of(row(stranger.email(), true)), "LINKED_OK"));
		this.planted.finding(username, "ATTRIBUTE_DRIFT", null);
		this.planted.mapping(new Mapping(username, person.email().toLowerCase(Locale.ROOT), adminEmail(),
				"partner account made before single sign-on"));
	}

	/**
	 * A person and an account that share nothing, but linked in Phorge's database (Google {@code id(…)}, or the LDAP
	 * uid of Okta's login): linked where idsync reads the database (with ATTRIBUTE_DRIFT, their names differing), an
	 * ORPHAN and a JOINER_NO_ACCOUNT through Conduit alone.
	 */
	private void plantExternallyLinked(Presence presence) {
		Planted person = this.people.add(presence, State.ACTIVE);
		Human stranger = this.names.stray(PARTNERS);
		String username = this.names.username(Names.ascii(stranger.first()).charAt(0) + Names.ascii(stranger.last()));
		this.planted.add(Draft.human(username, stranger.realName(), AccountState.ENABLED,
				List.of(row(stranger.email(), true)), "ORPHAN").inDatabase("LINKED_OK"));
		this.planted.finding(username, "ATTRIBUTE_DRIFT", DATABASE);
		this.planted.identityFinding("JOINER_NO_ACCOUNT", person.human().email(), PhorgeAccess.CONDUIT);
		this.planted.externalLink(username, this.people.of(person.human()));
	}

	/**
	 * A person whose Phorge account neither shares an address with them nor is named after their email, but whose Okta
	 * profile records the Phorge username ({@link SyntheticOrg#USERNAME_ATTRIBUTE}).
	 */
	private void plantHinted() {
		Human human = this.names.person(DOMAIN);
		String username = this.names.username("hint-" + Names.ascii(human.first()));
		Planted person = new Planted(human, null, List.of(), this.people.employeeId(), username);
		this.people.add(person, Presence.OKTA, State.ACTIVE, true);
		this.active.add(human);
		this.planted.add(Draft.human(username, human.realName(), AccountState.ENABLED,
				List.of(row(this.names.unique(human.local(), "legacy.example.org"), true)), "LINKED_OK"), human);
	}

	/**
	 * One account whose addresses belong to two different people. Disputed accounts carry no external-account link:
	 * a link is stronger evidence than an address and would settle the dispute where the database shows it.
	 */
	private void plantSharedDispute() {
		Human a = this.people.add(Presence.OKTA, State.ACTIVE).human();
		Human b = this.people.add(Presence.GOOGLE, State.ACTIVE).human();
		this.planted.add(Draft.human(username(a), a.realName(), AccountState.ENABLED,
				List.of(row(a.email(), true), row(b.email(), false)), "DISPUTED"));
	}

	/** One person whose two addresses are on two different accounts (without external-account links either). */
	private void plantDoubleDispute() {
		Human human = this.names.person(DOMAIN);
		String second = this.names.unique(human.local(), "home.example.org");
		this.people.add(new Planted(human, second, List.of(), this.people.employeeId(), null), Presence.OKTA,
				State.ACTIVE, true);
		this.planted.add(Draft.human(username(human), human.realName(), AccountState.ENABLED,
				List.of(row(human.email(), true)), "DISPUTED"));
		this.planted.add(Draft.human(this.names.username(Names.ascii(human.first()) + "-home"),
				human.realName(), AccountState.ENABLED, List.of(row(second, true)), "DISPUTED"));
	}

	/**
	 * A contractor's account nobody claims: the first has a current exemption (EXEMPT), the second is an
	 * administrator (PRIVILEGED_DRIFT), the third was never approved.
	 */
	private void plantOrphan(int i) {
		AccountState account = (i == 1) ? AccountState.ADMIN
				: (i == 2) ? AccountState.UNAPPROVED : AccountState.ENABLED;
		Draft draft = plantStray(CONTRACTORS, account, (i == 0) ? "EXEMPT" : "ORPHAN");
		if (i == 0) {
			this.planted.exemption(new Exemption(draft.username(), adminEmail(), "contractor on the payments migration",
					365));
		}
		if (i == 1) {
			this.planted.privileged(draft.username());
		}
	}

	/** An account no identity source knows: a contractor's, or a long-gone employee's. */
	private Draft plantStray(String domain, AccountState account, String category) {
		Human ghost = this.names.stray(domain);
		String first = Names.ascii(ghost.first());
		String base = domain.equals(DOMAIN) ? first.charAt(0) + Names.ascii(ghost.last()) : "ext-" + first;
		return this.planted.add(Draft.human(this.names.username(base), ghost.realName(), account,
				List.of(row(ghost.email(), true)), category));
	}

	/**
	 * A break-glass administrator nobody claims, enrolled in MFA and protected ({@code protected-accounts}): EXEMPT,
	 * and outside the admin group (PRIVILEGED_DRIFT).
	 */
	private void plantBreakGlass() {
		String username = this.names.username("breakglass-admin");
		this.planted.add(Draft.human(username, "Break Glass Admin", AccountState.ADMIN,
				List.of(row(this.names.unique(username, DOMAIN), true)), "EXEMPT"));
		this.planted.privileged(username);
		this.planted.protect(username);
	}

	/** Plants the bots: idsync's own with a fresh token, the others every second one with a stale one. */
	private String plantBots(Quotas q) {
		String[] bases = { "ci-bot", "deploy-bot", "release-bot", "lint-bot", "backup-bot", "herald-bot", "docs-bot",
				"triage-bot" };
		int next = 0;
		String idsyncBot = plantBot("idsync-bot", this.active.get(0).email(), "LINKED_OK", ago(2, 30), false);
		for (int i = 0; i < q.ownedBots(); i++) {
			Human owner = this.active.get(1 + this.random.nextInt(this.active.size() - 1));
			plantBot(bases[next % bases.length], owner.email(), "LINKED_OK", 0, next++ % 2 == 1);
		}
		for (int i = 0; i < q.ownerlessBots(); i++) {
			plantBot(bases[next % bases.length], null, "BOT_NO_OWNER", 0, next++ % 2 == 1);
		}
		for (int i = 0; i < q.orphanedBots(); i++) {
			plantBot(bases[next % bases.length], this.gone.get(i % this.gone.size()).email(), "BOT_OWNER_LEFT", 0,
					next++ % 2 == 1);
		}
		plantBot(bases[next % bases.length], this.names.unique("former.owner", DOMAIN), "BOT_OWNER_LEFT", 0,
				next % 2 == 1);
		return idsyncBot;
	}

	/** A bot with one live token: {@code age} old, or if 0 fresh (5 to 180 days) or stale (500 to 1,500 days). */
	private String plantBot(String base, @Nullable String ownerEmail, String category, long age, boolean stale) {
		String name = this.names.username(base);
		this.planted.add(new Draft(name, botRealName(name), true, false, false, true, false,
				List.of(row(this.names.unique(name, DOMAIN), true)), category, null));
		long tokenAge = (age > 0) ? age : stale ? ago(500, 1_500) : ago(5, 180);
		this.planted.token(name, new PlantedToken(this.ids.token(), tokenAge, null));
		if (stale) {
			this.planted.finding(name, "TOKEN_STALE", DATABASE);
		}
		if (ownerEmail != null) {
			this.planted.botOwner(name, ownerEmail);
		}
		return name;
	}

	private void plantList(String base, String realName) {
		String name = this.names.username(base);
		this.planted.add(new Draft(name, realName, false, true, false, true, false,
				List.of(row(this.names.unique(name, "lists." + DOMAIN), true)), "MAILING_LIST", null));
	}

	private Draft draft(Planted person, Style style, AccountState account, String category) {
		Human human = person.human();
		String username = (style == Style.USERNAME)
				? this.names.username((this.random.nextInt(3) == 0) ? IdpPeople.capitalizedLocal(human)
						: human.local())
				: username(human);
		return this.planted.add(Draft.human(username, human.realName(), account,
				style.emails(person, this.names, this.random), category), human);
	}

	private String username(Human human) {
		String first = Names.ascii(human.first());
		String last = Names.ascii(human.last());
		String base = switch (this.random.nextInt(3)) {
			case 0 -> first.charAt(0) + last;
			case 1 -> first + last.charAt(0);
			default -> first + "_" + last;
		};
		return this.names.username(base);
	}

	private Draft admin() {
		if (this.firstAdmin == null) {
			throw new IllegalStateException("No administrator planted yet");
		}
		return this.firstAdmin;
	}

	/** The first administrator's email: who signs off exemptions and mappings. */
	private String adminEmail() {
		return this.planted.owner(admin().username()).email();
	}

	private Draft lastAccount() {
		return this.planted.accounts().get(this.planted.accounts().size() - 1);
	}

	/** Seconds in a random span of {@code min} to {@code max} days (and a part of a day). */
	private long ago(int min, int max) {
		return DAY * (min + this.random.nextInt(max - min + 1)) + this.random.nextInt((int) DAY);
	}

	private static PhorgeEmail row(String address, boolean primary) {
		return new PhorgeEmail("", address, true, primary);
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
