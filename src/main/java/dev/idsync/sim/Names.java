package dev.idsync.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Realistic, unique person names and email addresses for the synthetic organisation. People's last names and the last
 * names of strays (the accounts no identity claims) come from two disjoint lists, so that no stray account ever bears
 * a person's name: a real name is evidence too (an UNLINKED_CANDIDATE), and only where one is planted may one match.
 */
final class Names {

	private static final String[] FIRST = { "Anna", "Ben", "Carla", "David", "Elif", "Farid", "Greta", "Hugo", "Ines",
			"Jonas", "Kira", "Lars", "Mia", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
			"Wim", "Xenia", "Yusuf", "Zoë", "Amir", "Beatriz", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Igor",
			"Julia", "Kenji", "Lena", "Marco", "Nadia", "Oscar", "Priya", "Rafael", "Sara", "Tomás", "Ulla", "Viktor",
			"Wen", "Yara", "Zeno", "Aisha", "Björn", "Clara", "Dmitri", "Eva", "Felix", "Gina", "Hans", "Ida", "Jamal",
			"Katja", "Leon", "Maja", "Nils", "Ola", "Pia", "Rahul", "Sofia", "Theo", "Una", "Valentin", "Wanda", "Yan",
			"Zara", "Alba", "Bruno", "Celine", "Diego", "Elena", "Finn", "Gabriel", "Helga", "Ivan", "Jana", "Karl",
			"Luca", "Marta", "Nora", "Otto", "Petra", "Rina", "Stefan", "Tina", "Ugo", "Vlad", "Willa", "Yoko",
			"Zuzana" };

	private static final String[] LAST = { "Berg", "Schmidt", "Okafor", "Novak", "Yilmaz", "Haddad", "Lindqvist",
			"Moreau", "Costa", "Weber", "Tanaka", "Jensen", "Rossi", "Kowalski", "Ivanova", "Fischer", "O'Brien",
			"García", "Sørensen", "Nguyen", "Müller", "Dubois", "Silva", "Becker", "Kim", "Hoffmann", "Laine", "Patel",
			"Smith", "Brown", "Wagner", "Horvat", "Popescu", "Nowak", "Andersson", "Martin", "Bianchi", "Lopez", "Sato",
			"Khan", "Meyer", "Schulz", "Keller", "Wolf", "Peeters", "Janssen", "Virtanen", "Nielsen", "Hansen",
			"Olsen", "Svensson", "Karlsson", "Horváth", "Kovač", "Petrov", "Sokolov", "Chen", "Wang", "Li", "Zhang",
			"Singh", "Kumar", "Ali", "Hassan", "Demir", "Kaya", "Şahin", "Çelik", "Ortiz", "Ramos", "Ferreira",
			"Almeida", "Pereira", "Santos", "Walker", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
			"Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres",
			"Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers" };

	/** Last names only strays have: none is in {@link #LAST}. */
	private static final String[] STRAY_LAST = { "Abernathy", "Blackwood", "Castellanos", "Delacroix", "Eastwood",
			"Fairbanks", "Galloway", "Hargreaves", "Isaksen", "Jablonski", "Kettering", "Lindgren", "Montague",
			"Northcott", "Oyelaran", "Pemberton", "Quintero", "Ravensworth", "Stanhope", "Thorburn", "Underhill",
			"Vasquez-Oliva", "Whitcombe", "Yardley", "Zielinski" };

	private final Random random;

	private final Set<String> taken = new HashSet<>();

	private final Set<String> usernames = new HashSet<>();

	/** For each base of an address or username, the suffix probing resumes at (1 for the bare base). */
	private final Map<String, Integer> nextSuffix = new HashMap<>();

	/** Names no further person may have (lower case), so that exactly one person bears each. */
	private final Set<String> reserved = new HashSet<>();

	Names(Random random) {
		this.random = random;
	}

	/** A new person with an address at {@code domain} that no one else has, and a name nobody reserved. */
	Human person(String domain) {
		String first;
		String last;
		do {
			first = FIRST[this.random.nextInt(FIRST.length)];
			last = LAST[this.random.nextInt(LAST.length)];
		}
		while (this.reserved.contains(key(first + " " + last)));
		return human(first, last, domain);
	}

	/** Someone no identity source knows, with a unique address at {@code domain} and a name no person has. */
	Human stray(String domain) {
		return human(FIRST[this.random.nextInt(FIRST.length)], STRAY_LAST[this.random.nextInt(STRAY_LAST.length)],
				domain);
	}

	/** Keeps {@code human}'s name for them alone: no person drawn later gets it. */
	void reserve(Human human) {
		this.reserved.add(key(human.realName()));
	}

	/** {@code human}'s name with another last name, as after a marriage. */
	String renamed(Human human) {
		String last;
		do {
			last = LAST[this.random.nextInt(LAST.length)];
		}
		while (last.equals(human.last()));
		return human.first() + " " + last;
	}

	private Human human(String first, String last, String domain) {
		return new Human(first, last, firstFree(ascii(first) + "." + ascii(last), domain), domain);
	}

	/** Claims {@code address} for one owner; false when someone has it already. */
	boolean claim(String address) {
		return this.taken.add(address.toLowerCase(Locale.ROOT));
	}

	/** A unique address built from {@code local} at {@code domain}, suffixed with a number if needed. */
	String unique(String local, String domain) {
		return firstFree(local, domain) + "@" + domain;
	}

	/**
	 * A unique username built from {@code base} (compared case-insensitively), suffixed with a number if needed;
	 * without a dot unless {@code base} has one, so it never equals an email's local part by chance.
	 */
	String username(String base) {
		return firstFree("user " + base, base, (candidate) -> this.usernames.add(key(candidate)));
	}

	/** The first local part of {@code base}, {@code base2}, {@code base3}, … that is free at {@code domain}, claimed. */
	private String firstFree(String base, String domain) {
		return firstFree(base + "@" + domain, base, (candidate) -> claim(candidate + "@" + domain));
	}

	/**
	 * The first of {@code base}, {@code base2}, {@code base3}, … that {@code claim} accepts. Probing resumes where it
	 * last stopped for the same base: nothing claimed is ever released, so every earlier suffix is still taken, and
	 * the answer is the one a probe from the start would give, without the quadratic work of a million people sharing
	 * ten thousand names.
	 */
	private String firstFree(String memo, String base, Predicate<String> claim) {
		String key = key(memo);
		int n = this.nextSuffix.getOrDefault(key, 1);
		while (!claim.test(suffixed(base, n))) {
			n++;
		}
		this.nextSuffix.put(key, n + 1);
		return suffixed(base, n);
	}

	private static String suffixed(String base, int n) {
		return (n == 1) ? base : base + n;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	static String ascii(String name) {
		String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("ø", "o")
			.replace("Ø", "O");
		return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
	}

	/**
	 * A generated person.
	 * @param first the first name
	 * @param last the last name
	 * @param local the local part of their primary email (always contains a dot)
	 * @param domain the domain of their primary email
	 */
	record Human(String first, String last, String local, String domain) {

		String email() {
			return this.local + "@" + this.domain;
		}

		String realName() {
			return this.first + " " + this.last;
		}

	}

}
