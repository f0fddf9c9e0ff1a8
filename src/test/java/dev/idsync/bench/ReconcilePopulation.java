package dev.idsync.bench;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.BotProperties;
import dev.idsync.domain.Account;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.Category;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.ManualMapping;
import dev.idsync.domain.SourceIdentity;

/**
 * A synthetic organisation of any size for {@link ReconcileBenchmark}, computed row by row from a seed and an index so
 * that it is never held in memory: persons in Okta and/or Google (30% in both), with lifecycles, entitlement and admin
 * groups; their Phorge accounts with addresses, external accounts, MFA, tokens and disable transactions; orphans,
 * bots and lists; a few manual mappings and exemptions. Every person and account follows one planted scenario, so
 * that the findings each category should have are known ({@link #expected()}). Night 2 is a later night of the same
 * organisation: a few people left, a few Okta ids changed, a few leavers' accounts were disabled.
 */
final class ReconcilePopulation {

	static final String DOMAIN = "example.com";

	static final String ALIAS_DOMAIN = "corp.example.com";

	private static final String HOME_DOMAIN = "home.example.net";

	private static final Instant NIGHT_ONE = Instant.parse("2026-12-01T02:00:00Z");

	private static final String[] FIRST = { "Anna", "Ben", "Carla", "David", "Elif", "Farid", "Greta", "Hugo", "Ines",
			"Jonas", "Kira", "Lars", "Mia", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
			"Wim", "Xenia", "Yusuf", "Zoë", "Amir", "Beatriz", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Igor",
			"Julia", "Kenji", "Lena", "Marco", "Nadia", "Oscar", "Priya", "Rafael", "Sara", "Tomás", "Ulla", "Viktor",
			"Wen", "Yara", "Zeno", "Aisha", "Björn", "Clara", "Dmitri", "Eva", "Felix", "Gina", "Hans", "Ida", "Jamal",
			"Katja", "Leon", "Maja", "Nils", "Ola", "Pia", "Rahul", "Sofia", "Theo", "Una", "Valentin", "Wanda", "Yan",
			"Zara", "Alba", "Bruno", "Celine", "Diego", "Elena", "Finn", "Gabriel", "Helga", "Ivan", "Jana", "Karl",
			"Luca", "Marta", "Nora", "Otto", "Petra", "Rina", "Stefan", "Tina", "Ugo", "Vlad", "Willa", "Yoko",
			"Zuzana", "Ahmed", "Brigid" };

	private static final String[] LAST = { "Berg", "Schmidt", "Okafor", "Novak", "Yilmaz", "Haddad", "Lindqvist",
			"Moreau", "Costa", "Weber", "Tanaka", "Jensen", "Rossi", "Kowalski", "Ivanova", "Fischer", "O'Brien",
			"García", "Sørensen", "Nguyen", "Müller", "Dubois", "Silva", "Becker", "Kim", "Hoffmann", "Laine", "Patel",
			"Smith", "Brown", "Wagner", "Horvat", "Popescu", "Nowak", "Andersson", "Martin", "Bianchi", "Lopez", "Sato",
			"Khan", "Meyer", "Schulz", "Keller", "Wolf", "Peeters", "Janssen", "Virtanen", "Nielsen", "Hansen",
			"Olsen", "Svensson", "Karlsson", "Horváth", "Kovač", "Petrov", "Sokolov", "Chen", "Wang", "Zhou", "Zhang",
			"Singh", "Kumar", "Ali", "Hassan", "Demir", "Kaya", "Şahin", "Çelik", "Ortiz", "Ramos", "Ferreira",
			"Almeida", "Pereira", "Santos", "Walker", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
			"Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres",
			"Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers" };

	private static final String[] FIRST_ASCII = ascii(FIRST);

	private static final String[] LAST_ASCII = ascii(LAST);

	/** Names are unique up to this many (first × initial × last × second last name); indexes are permuted over it. */
	private static final long NAMES = FIRST.length * 27L * LAST.length * 16L;

	private static final long PERMUTE = 1_000_003L;

	/** Salts of the independent per-index draws. */
	private static final long SCENARIO = 1, SOURCES = 2, NIGHT_CHANGE = 3, EXTRA = 5, BOT = 6, GOOGLE = 7, HINT = 8,
			GOOGLE_ALIAS = 9, MFA = 10, UPPER_CASE = 11, GOOGLE_LINK = 12, TOKENS = 13, CREATED = 14, LEAVE = 15,
			EXTERNAL = 16, LEGACY = 17;

	/** Person scenarios in parts per 10,000; whoever falls outside them is an ordinary person matched by email. */
	private static final Object[][] WIDTHS = { { Scenario.ALIAS, 300 }, { Scenario.USERNAME, 200 },
			{ Scenario.UNVERIFIED, 100 }, { Scenario.GOOGLE_ID, 60 }, { Scenario.LDAP_UID, 60 },
			{ Scenario.LEAVER_DISABLED, 500 }, { Scenario.LEAVER_ACTIVE, 100 }, { Scenario.NOT_ENTITLED, 100 },
			{ Scenario.LINKED_DISABLED, 50 }, { Scenario.REENABLE_JOURNAL, 5 }, { Scenario.REENABLE_LOG, 5 },
			{ Scenario.PENDING_APPROVAL, 30 }, { Scenario.JOINER, 300 }, { Scenario.PENDING_PERSON, 100 },
			{ Scenario.LEAVER_GONE, 200 }, { Scenario.SOURCE_CONFLICT, 100 }, { Scenario.ATTRIBUTE_DRIFT, 100 },
			{ Scenario.TWO_ACCOUNTS, 10 }, { Scenario.REAL_NAME, 20 }, { Scenario.SHARED, 20 }, { Scenario.ADMIN, 30 },
			{ Scenario.ADMIN_OUTSIDE_GROUP, 5 }, { Scenario.ADMIN_NO_MFA, 5 }, { Scenario.STALE_TOKEN, 50 },
			{ Scenario.MANUAL_EMAIL, 3 }, { Scenario.MANUAL_ID, 3 } };

	private final long seed;

	private final int persons;

	private final int night;

	private final int bots;

	private final int lists;

	private final int rest;

	ReconcilePopulation(long seed, int persons, int night) {
		if (persons < 100 || persons > NAMES / 2) {
			throw new IllegalArgumentException("between 100 and " + NAMES / 2 + " persons");
		}
		this.seed = seed;
		this.persons = persons;
		this.night = night;
		this.bots = Math.max(20, persons / 1_000);
		this.lists = Math.max(5, persons / 1_000);
		this.rest = (int) Math.round(persons * 0.065);
	}

	/** The same organisation on another night. */
	ReconcilePopulation night(int other) {
		return new ReconcilePopulation(this.seed, this.persons, other);
	}

	int persons() {
		return this.persons;
	}

	/** Persons and then accounts that belong to no person: each slot holds up to two accounts. */
	int slots() {
		return this.persons + this.bots + this.lists + this.rest;
	}

	/** When this night's run happens. */
	Instant now() {
		return NIGHT_ONE.plus(Duration.ofDays(this.night - 1L));
	}

	/** idsync's own bot, as Phorge's disable transactions name it. */
	String selfPhid() {
		return phid(accountId(this.persons + 3, 0));
	}

	// identity sources

	/** Okta's record of person {@code i}, or {@code null} when Okta does not know them. */
	@Nullable SourceIdentity okta(int i) {
		if (!inOkta(i)) {
			return null;
		}
		Scenario scenario = scenario(i);
		Lifecycle lifecycle = leaves(i) ? ((bucket(LEAVE, i, 2) == 0) ? Lifecycle.DEPROVISIONED : Lifecycle.SUSPENDED)
				: (scenario == Scenario.PENDING_PERSON) ? Lifecycle.PENDING : Lifecycle.ACTIVE;
		String id = "00u" + base36(hash(SOURCES, i), 17) + ((changes(i) == Change.ID_CHANGED && this.night > 1) ? "x" : "");
		String hint = (bucket(HINT, i, 5) == 0) ? username(i) : null;
		return new SourceIdentity("okta", id, email(i), emails(i), name(i), lifecycle, oktaStatus(lifecycle), null, hint);
	}

	/** Google's record of person {@code i}, or {@code null} when Google does not know them. */
	@Nullable SourceIdentity google(int i) {
		if (!inGoogle(i)) {
			return null;
		}
		boolean suspended = leaves(i) || scenario(i) == Scenario.SOURCE_CONFLICT;
		List<String> emails = new ArrayList<>(emails(i));
		if (bucket(GOOGLE_ALIAS, i, 10) == 0) {
			emails.add(local(i) + "@" + ALIAS_DOMAIN);
		}
		return new SourceIdentity("google", googleId(i), email(i), emails, name(i),
				suspended ? Lifecycle.SUSPENDED : Lifecycle.ACTIVE, suspended ? "suspended" : "active");
	}

	/** Whether Okta's entitlement rule (app assignment) lists person {@code i}. */
	boolean entitled(int i) {
		return inOkta(i) && scenario(i) != Scenario.NOT_ENTITLED;
	}

	/** Whether Okta's admin group lists person {@code i}. */
	boolean admin(int i) {
		return scenario(i) == Scenario.ADMIN || scenario(i) == Scenario.ADMIN_NO_MFA;
	}

	// Phorge

	/** The accounts in slot {@code s}: a person's own (and extra) accounts, else one account nobody owns. */
	List<PlantedAccount> accounts(int s) {
		if (s < this.persons) {
			return personAccounts(s);
		}
		int j = s - this.persons;
		if (j < this.bots) {
			return List.of(bot(s, j));
		}
		if (j < this.bots + this.lists) {
			PlantedAccount list = planted(s, 0, "list-" + j, "Mailing list " + j, AccountKind.LIST, false, false);
			list.emails.add(new AccountEmail(list.phid(), "list-" + j + "@lists." + DOMAIN, true, true));
			return List.of(list.expect(Category.MAILING_LIST));
		}
		return List.of(unowned(s));
	}

	/** The bot registry (idsync.bots): most bots have an owner, a few an owner who left or is unknown, some none. */
	Map<String, BotProperties> botRegistry() {
		Map<String, BotProperties> registry = new java.util.HashMap<>();
		for (int b = 0; b < this.bots; b++) {
			String owner = switch (b % 20) {
				case 0 -> null;
				case 1 -> email(owner(b, Scenario.LEAVER_DISABLED));
				case 2 -> "nobody." + b + "@" + DOMAIN;
				default -> email(owner(b, Scenario.EMAIL));
			};
			if (owner != null) {
				registry.put(botName(b), new BotProperties(botName(b), owner));
			}
		}
		return registry;
	}

	/** The manual mappings in force: accounts with nothing else in common with their person. */
	List<ManualMapping> mappings() {
		List<ManualMapping> mappings = new ArrayList<>();
		for (int i = 0; i < this.persons; i++) {
			Scenario scenario = scenario(i);
			if (scenario == Scenario.MANUAL_EMAIL || scenario == Scenario.MANUAL_ID) {
				String identity = (scenario == Scenario.MANUAL_EMAIL) ? email(i)
						: "okta:" + okta(i).sourceId();
				mappings.add(new ManualMapping(legacyUsername(i), identity, "admin@" + DOMAIN, "legacy account",
						"bench mapping #" + mappings.size()));
			}
		}
		return mappings;
	}

	/** The exemptions in force (current, expired, and protected accounts without expiry). */
	List<Exemption> exemptions() {
		List<Exemption> exemptions = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
		for (int s = this.persons + this.bots + this.lists; s < slots(); s++) {
			Extra extra = extra(s);
			LocalDate expires = switch (extra) {
				case EXEMPT -> today.plusDays(30);
				case EXEMPTION_EXPIRED -> today.minusDays(5);
				default -> null;
			};
			if (extra == Extra.EXEMPT || extra == Extra.EXEMPTION_EXPIRED || extra == Extra.PROTECTED) {
				exemptions.add(new Exemption(orphanUsername(s), "ops@" + DOMAIN, "service account kept by ops",
						expires, "bench exemption #" + exemptions.size()));
			}
		}
		return exemptions;
	}

	/** How many findings of each category the planted scenarios should produce. */
	Map<Category, Long> expected() {
		Map<Category, Long> counts = new EnumMap<>(Category.class);
		for (int s = 0; s < slots(); s++) {
			for (PlantedAccount account : accounts(s)) {
				account.expected.forEach((category) -> counts.merge(category, 1L, Long::sum));
			}
			if (s < this.persons) {
				Scenario scenario = scenario(s);
				if (scenario == Scenario.JOINER) {
					counts.merge(Category.JOINER_NO_ACCOUNT, 1L, Long::sum);
				}
				if (scenario == Scenario.SOURCE_CONFLICT) {
					counts.merge(Category.SOURCE_CONFLICT, 1L, Long::sum);
				}
			}
		}
		return counts;
	}

	/** Findings of the last night that tonight should no longer have (leavers whose accounts were disabled). */
	long expectedResolved() {
		long resolved = 0;
		for (int i = 0; i < this.persons && this.night > 1; i++) {
			resolved += fixed(i) ? 1 : 0;
		}
		return resolved;
	}

	/** Drift findings new tonight: people who left, and accounts whose earlier link an Okta id change contradicts. */
	long expectedNew() {
		long fresh = 0;
		for (int i = 0; i < this.persons && this.night > 1; i++) {
			fresh += (changes(i) != Change.NONE) ? 1 : 0;
		}
		return fresh;
	}

	private List<PlantedAccount> personAccounts(int i) {
		Scenario scenario = scenario(i);
		List<PlantedAccount> accounts = new ArrayList<>();
		switch (scenario) {
			case JOINER, PENDING_PERSON, LEAVER_GONE, SHARED_PARTNER -> {
			}
			case REAL_NAME -> {
				PlantedAccount account = planted(i, 1, username(i) + "1", name(i), AccountKind.HUMAN, false, true);
				account.emails.add(new AccountEmail(account.phid(), local(i) + ".private@" + HOME_DOMAIN, true, true));
				accounts.add(account.expect(Category.UNLINKED_CANDIDATE));
			}
			case SHARED -> {
				PlantedAccount account = planted(i, 1, "team_" + username(i), "Team " + name(i), AccountKind.HUMAN,
						false, true);
				account.emails.add(new AccountEmail(account.phid(), email(i), true, true));
				account.emails.add(new AccountEmail(account.phid(), email(i + 1), true, false));
				accounts.add(account.expect(Category.DISPUTED));
			}
			default -> accounts.add(own(i, scenario));
		}
		if (scenario == Scenario.TWO_ACCOUNTS) {
			PlantedAccount old = planted(i, 1, username(i) + "_old", name(i), AccountKind.HUMAN, false, true);
			old.emails.add(new AccountEmail(old.phid(), oldEmail(i), true, true));
			accounts.add(old.expect(Category.DISPUTED));
		}
		return accounts;
	}

	private PlantedAccount own(int i, Scenario scenario) {
		boolean disabled = switch (scenario) {
			case LEAVER_DISABLED, LINKED_DISABLED, REENABLE_JOURNAL, REENABLE_LOG -> true;
			case LEAVER_ACTIVE -> fixed(i);
			default -> false;
		};
		boolean manual = scenario == Scenario.MANUAL_EMAIL || scenario == Scenario.MANUAL_ID;
		String username = manual ? legacyUsername(i) : (scenario == Scenario.USERNAME) ? usernameCandidate(i) : username(i);
		String realName = (scenario == Scenario.ATTRIBUTE_DRIFT) ? name(i) + "-Maiden" : name(i);
		PlantedAccount account = planted(i, 0, username, realName, AccountKind.HUMAN, disabled,
				scenario != Scenario.PENDING_APPROVAL);
		account.admin = scenario == Scenario.ADMIN || scenario == Scenario.ADMIN_OUTSIDE_GROUP
				|| scenario == Scenario.ADMIN_NO_MFA;
		account.mfa = account.admin ? scenario != Scenario.ADMIN_NO_MFA : bucket(MFA, i, 10) < 6;
		addresses(i, scenario, account);
		externalAccounts(i, scenario, account);
		tokens(i, scenario, account);
		account.journal = scenario == Scenario.REENABLE_JOURNAL;
		if (disabled) {
			account.disables.add(new Disable(account.phid(), "PHID-USER-admin", true, now().getEpochSecond() - 86_400L * 40));
			if (scenario == Scenario.REENABLE_LOG) {
				account.disables.add(new Disable(account.phid(), selfPhid(), true, now().getEpochSecond() - 86_400L * 3));
			}
		}
		account.expected.add(state(i, scenario));
		switch (scenario) {
			case SOURCE_CONFLICT, LEAVER_DISABLED, TWO_ACCOUNTS -> {
			}
			case ATTRIBUTE_DRIFT -> account.expected.add(Category.ATTRIBUTE_DRIFT);
			case ADMIN_OUTSIDE_GROUP, ADMIN_NO_MFA -> account.expected.add(Category.PRIVILEGED_DRIFT);
			case STALE_TOKEN -> account.expected.add(Category.TOKEN_STALE);
			default -> {
			}
		}
		if (disabled && !account.tokens.isEmpty()) {
			account.expected.add(Category.LEAVER_HAS_TOKENS);
		}
		return account;
	}

	private Category state(int i, Scenario scenario) {
		if (changes(i) == Change.LEAVES && this.night > 1) {
			return Category.LEAVER_ACTIVE;
		}
		if (changes(i) == Change.ID_CHANGED && this.night > 1) {
			return Category.DISPUTED;
		}
		return switch (scenario) {
			case LEAVER_ACTIVE -> fixed(i) ? Category.LINKED_OK : Category.LEAVER_ACTIVE;
			case NOT_ENTITLED -> Category.NOT_ENTITLED;
			case LINKED_DISABLED -> Category.LINKED_DISABLED;
			case REENABLE_JOURNAL, REENABLE_LOG -> Category.REENABLE_CANDIDATE;
			case PENDING_APPROVAL -> Category.PENDING_APPROVAL;
			case TWO_ACCOUNTS -> Category.DISPUTED;
			default -> Category.LINKED_OK;
		};
	}

	private void addresses(int i, Scenario scenario, PlantedAccount account) {
		String phid = account.phid();
		switch (scenario) {
			case ALIAS -> account.emails.add(new AccountEmail(phid, local(i) + "@" + ALIAS_DOMAIN, true, true));
			case USERNAME, GOOGLE_ID, LDAP_UID, MANUAL_EMAIL, MANUAL_ID -> account.emails
				.add(new AccountEmail(phid, local(i) + "@" + HOME_DOMAIN, true, true));
			case UNVERIFIED -> {
				account.emails.add(new AccountEmail(phid, local(i) + "@" + HOME_DOMAIN, true, true));
				account.emails.add(new AccountEmail(phid, email(i).toUpperCase(Locale.ROOT), false, false));
			}
			default -> account.emails.add(new AccountEmail(phid, (bucket(UPPER_CASE, i, 7) == 0)
					? email(i).toUpperCase(Locale.ROOT) : email(i), true, true));
		}
	}

	private void externalAccounts(int i, Scenario scenario, PlantedAccount account) {
		String phid = account.phid();
		String external = "PHID-XUSR-" + base36(hash(EXTERNAL, i), 20);
		boolean plain = scenario == Scenario.USERNAME || scenario == Scenario.UNVERIFIED || scenario == Scenario.LDAP_UID
				|| scenario == Scenario.MANUAL_EMAIL || scenario == Scenario.MANUAL_ID;
		if (scenario == Scenario.GOOGLE_ID || (!plain && inGoogle(i) && bucket(GOOGLE_LINK, i, 100) < 40)) {
			account.links.add(new ExternalIdentifier(phid, external, "google", "google.com", "id(" + googleId(i) + ")"));
			account.links.add(new ExternalIdentifier(phid, external, "google", "google.com", email(i)));
		}
		if (scenario == Scenario.LDAP_UID) {
			String uid = local(i).substring(0, 1).toUpperCase(Locale.ROOT) + local(i).substring(1);
			account.links.add(new ExternalIdentifier(phid, external, "ldap", "ldap.example.com", uid));
		}
	}

	private void tokens(int i, Scenario scenario, PlantedAccount account) {
		long now = now().getEpochSecond();
		long day = 86_400L;
		int draw = bucket(TOKENS, i, 100);
		if (scenario == Scenario.STALE_TOKEN) {
			account.tokens.add(token(account, 0, now - 400 * day, null));
		}
		else if (scenario == Scenario.LEAVER_DISABLED && draw < 10) {
			account.tokens.add(token(account, 0, now - 30 * day, null));
		}
		else if (!account.account().disabled() && draw >= 96) {
			account.tokens.add(token(account, 0, now - (draw - 90) * 10 * day, null));
			account.tokens.add(token(account, 1, now - 700 * day, now - 300 * day));
		}
	}

	private ApiTokenInfo token(PlantedAccount account, int n, long created, @Nullable Long expires) {
		return new ApiTokenInfo(account.account().id() * 4 + n, account.phid(), "api", "token-" + n, created, expires);
	}

	private PlantedAccount bot(int s, int b) {
		PlantedAccount bot = planted(s, 0, botName(b), "Bot " + b, AccountKind.BOT, false, true);
		long now = now().getEpochSecond();
		bot.tokens.add(token(bot, 0, now - ((b % 10 == 0) ? 400 : 20) * 86_400L, null));
		bot.mfa = false;
		bot.expected.add(switch (b % 20) {
			case 0 -> Category.BOT_NO_OWNER;
			case 1, 2 -> Category.BOT_OWNER_LEFT;
			default -> Category.LINKED_OK;
		});
		if (b % 10 == 0) {
			bot.expected.add(Category.TOKEN_STALE);
		}
		return bot;
	}

	private PlantedAccount unowned(int s) {
		Extra extra = extra(s);
		boolean disabled = extra == Extra.UNLINKED_DISABLED;
		PlantedAccount account = planted(s, 0, orphanUsername(s), name(s), AccountKind.HUMAN, disabled, true);
		account.admin = extra == Extra.ORPHAN_ADMIN;
		account.mfa = bucket(MFA, s, 2) == 0 || account.admin;
		account.emails.add(new AccountEmail(account.phid(), email(s), true, true));
		if (disabled) {
			account.disables.add(new Disable(account.phid(), "PHID-USER-admin", true, now().getEpochSecond() - 86_400L * 400));
		}
		switch (extra) {
			case EXEMPT, PROTECTED -> account.expect(Category.EXEMPT);
			case EXEMPTION_EXPIRED -> account.expect(Category.ORPHAN).expect(Category.EXEMPTION_EXPIRED);
			case ORPHAN_ADMIN -> account.expect(Category.ORPHAN).expect(Category.PRIVILEGED_DRIFT);
			case ORPHAN -> account.expect(Category.ORPHAN);
			case UNLINKED_DISABLED -> account.expect(Category.UNLINKED_DISABLED);
		}
		return account;
	}

	private PlantedAccount planted(int slot, int n, String username, String realName, AccountKind kind,
			boolean disabled, boolean approved) {
		long id = accountId(slot, n);
		long created = now().getEpochSecond() - 86_400L * (30 + bucket(CREATED, slot, 3_000));
		return new PlantedAccount(new Account(id, phid(id), username, realName, kind, disabled, approved, false, created));
	}

	// who is who

	Scenario scenario(int i) {
		if (i % 2 == 1 && raw(i - 1) == Scenario.SHARED) {
			return Scenario.SHARED_PARTNER;
		}
		Scenario scenario = raw(i);
		boolean okta = inOkta(i);
		boolean google = inGoogle(i);
		boolean fits = switch (scenario) {
			case GOOGLE_ID -> google;
			case LDAP_UID, ADMIN, ADMIN_OUTSIDE_GROUP, ADMIN_NO_MFA, MANUAL_ID -> okta;
			case NOT_ENTITLED, PENDING_PERSON -> okta && !google;
			case SOURCE_CONFLICT -> okta && google;
			case SHARED -> i % 2 == 0 && i + 1 < this.persons;
			default -> true;
		};
		return fits ? scenario : Scenario.EMAIL;
	}

	private Scenario raw(int i) {
		int draw = bucket(SCENARIO, i, 10_000);
		for (Object[] width : WIDTHS) {
			draw -= (Integer) width[1];
			if (draw < 0) {
				return (Scenario) width[0];
			}
		}
		return Scenario.EMAIL;
	}

	/** What changes for person {@code i} after night 1 (ordinary persons only; {@link #owner} skips them). */
	private Change changes(int i) {
		if (scenario(i) != Scenario.EMAIL) {
			return Change.NONE;
		}
		int draw = bucket(NIGHT_CHANGE, i, 10_000);
		if (draw < 10) {
			return Change.LEAVES;
		}
		return (draw < 15 && inOkta(i) && !inGoogle(i)) ? Change.ID_CHANGED : Change.NONE;
	}

	/** Whether person {@code i} is inactive tonight in every source that knows them. */
	private boolean leaves(int i) {
		Scenario scenario = scenario(i);
		return scenario == Scenario.LEAVER_DISABLED || scenario == Scenario.LEAVER_ACTIVE
				|| scenario == Scenario.LEAVER_GONE || (changes(i) == Change.LEAVES && this.night > 1);
	}

	/** A leaver whose enabled account an admin disabled after night 1. */
	private boolean fixed(int i) {
		return this.night > 1 && scenario(i) == Scenario.LEAVER_ACTIVE && bucket(NIGHT_CHANGE, i, 10) < 2;
	}

	/** The owner of bot {@code b}: the first person of the scenario from a point the bot draws. */
	private int owner(int b, Scenario scenario) {
		int i = bucket(BOT, b, this.persons);
		while (raw(i) != scenario || scenario(i) != scenario || bucket(NIGHT_CHANGE, i, 10_000) < 15) {
			i = (i + 1) % this.persons;
		}
		return i;
	}

	private Extra extra(int s) {
		int draw = bucket(EXTRA, s, 6_500);
		if (draw < 5) {
			return Extra.EXEMPT;
		}
		if (draw < 8) {
			return Extra.EXEMPTION_EXPIRED;
		}
		if (draw < 9) {
			return Extra.PROTECTED;
		}
		if (draw < 12) {
			return Extra.ORPHAN_ADMIN;
		}
		return (draw < 1_500) ? Extra.ORPHAN : Extra.UNLINKED_DISABLED;
	}

	private boolean inOkta(int i) {
		return bucket(SOURCES, i, 100) < 90;
	}

	private boolean inGoogle(int i) {
		return bucket(SOURCES, i, 100) >= 60;
	}

	// names and keys

	/** The unique name of slot {@code k} (a person, or an account nobody owns). */
	String name(int k) {
		int[] parts = nameParts(k);
		return FIRST[parts[0]] + ((parts[1] > 0) ? " " + (char) ('A' + parts[1] - 1) + "." : "") + " " + LAST[parts[2]]
				+ ((parts[3] > 0) ? "-" + LAST[parts[3] - 1] : "");
	}

	/** The name's words in lower-case ASCII, joined by {@code separator}. */
	private String asciiName(int k, String separator) {
		int[] parts = nameParts(k);
		return FIRST_ASCII[parts[0]] + ((parts[1] > 0) ? separator + (char) ('a' + parts[1] - 1) : "") + separator
				+ LAST_ASCII[parts[2]] + ((parts[3] > 0) ? LAST_ASCII[parts[3] - 1] : "");
	}

	/** First name, middle initial (0 for none), last name and second last name (0 for none), from a permuted index. */
	private int[] nameParts(int k) {
		long p = Math.floorMod(k * PERMUTE + this.seed, NAMES);
		int first = (int) (p % FIRST.length);
		p /= FIRST.length;
		int initial = (int) (p % 27);
		p /= 27;
		int last = (int) (p % LAST.length);
		return new int[] { first, initial, last, (int) (p / LAST.length) };
	}

	String email(int k) {
		return local(k) + "@" + DOMAIN;
	}

	private String oldEmail(int i) {
		return local(i) + ".old@" + DOMAIN;
	}

	private List<String> emails(int i) {
		return (scenario(i) == Scenario.TWO_ACCOUNTS) ? List.of(email(i), oldEmail(i)) : List.of(email(i));
	}

	private String local(int k) {
		return asciiName(k, ".");
	}

	private String username(int k) {
		return asciiName(k, "_");
	}

	/** What the username rule looks for: Okta's username attribute, else the email's local part. */
	private String usernameCandidate(int i) {
		SourceIdentity okta = okta(i);
		return (okta != null && okta.usernameHint() != null) ? okta.usernameHint() : local(i);
	}

	private String legacyUsername(int i) {
		return "legacy" + base36(hash(LEGACY, i), 8);
	}

	private String orphanUsername(int s) {
		return username(s);
	}

	private static String botName(int b) {
		return "bot-" + b;
	}

	private String googleId(int i) {
		return "1" + String.format("%020d", Long.remainderUnsigned(hash(GOOGLE, i), 100_000_000_000_000_000L));
	}

	private long accountId(int slot, int n) {
		return 2L * slot + n + 1;
	}

	private static String phid(long id) {
		return "PHID-USER-" + base36(mix(id), 20);
	}

	/** Names in lower-case ASCII: accents folded, anything else dropped. */
	private static String[] ascii(String[] names) {
		String[] ascii = new String[names.length];
		for (int n = 0; n < names.length; n++) {
			String folded = Normalizer.normalize(names[n], Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ø", "o");
			ascii[n] = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		}
		return ascii;
	}

	private static String oktaStatus(Lifecycle lifecycle) {
		return switch (lifecycle) {
			case PENDING -> "STAGED";
			case ACTIVE -> "ACTIVE";
			case SUSPENDED -> "SUSPENDED";
			case DEPROVISIONED -> "DEPROVISIONED";
		};
	}

	private int bucket(long salt, int i, int n) {
		return (int) Long.remainderUnsigned(hash(salt, i), n);
	}

	private long hash(long salt, long i) {
		return mix(this.seed * 0x9E3779B97F4A7C15L + salt * 0xD1B54A32D192ED03L + i);
	}

	/** SplitMix64's finaliser: a bijection, so distinct ids give distinct PHIDs. */
	private static long mix(long value) {
		long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static String base36(long value, int width) {
		String digits = Long.toUnsignedString(value, 36);
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	/** What happens to a person. */
	enum Scenario {

		EMAIL, ALIAS, USERNAME, UNVERIFIED, GOOGLE_ID, LDAP_UID, LEAVER_DISABLED, LEAVER_ACTIVE, NOT_ENTITLED,
		LINKED_DISABLED, REENABLE_JOURNAL, REENABLE_LOG, PENDING_APPROVAL, JOINER, PENDING_PERSON, LEAVER_GONE,
		SOURCE_CONFLICT, ATTRIBUTE_DRIFT, TWO_ACCOUNTS, REAL_NAME, SHARED, SHARED_PARTNER, ADMIN, ADMIN_OUTSIDE_GROUP,
		ADMIN_NO_MFA, STALE_TOKEN, MANUAL_EMAIL, MANUAL_ID

	}

	/** What changes for an ordinary person after night 1. */
	private enum Change {

		NONE, LEAVES, ID_CHANGED

	}

	/** What an account nobody owns is. */
	private enum Extra {

		EXEMPT, EXEMPTION_EXPIRED, PROTECTED, ORPHAN_ADMIN, ORPHAN, UNLINKED_DISABLED

	}

	/** One row of Phorge's disable transactions. */
	record Disable(String phid, String author, boolean disabled, long atEpoch) {
	}

	/** A Phorge account with what its database holds about it, and the findings it should get. */
	static final class PlantedAccount {

		private final Account base;

		final List<AccountEmail> emails = new ArrayList<>();

		final List<ExternalIdentifier> links = new ArrayList<>();

		final List<ApiTokenInfo> tokens = new ArrayList<>();

		final List<Disable> disables = new ArrayList<>();

		final List<Category> expected = new ArrayList<>();

		boolean admin;

		boolean mfa;

		boolean journal;

		PlantedAccount(Account base) {
			this.base = base;
		}

		Account account() {
			return new Account(this.base.id(), this.base.phid(), this.base.username(), this.base.realName(),
					this.base.kind(), this.base.disabled(), this.base.approved(), this.admin,
					this.base.createdEpochSecond());
		}

		String phid() {
			return this.base.phid();
		}

		AccountSecurity security() {
			return new AccountSecurity(phid(), this.mfa);
		}

		PlantedAccount expect(Category category) {
			this.expected.add(category);
			return this;
		}

	}

}
