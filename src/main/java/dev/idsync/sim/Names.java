package dev.idsync.sim;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Realistic, unique person names and email addresses for the synthetic organisation.
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

	private final Random random;

	private final Set<String> taken = new HashSet<>();

	Names(Random random) {
		this.random = random;
	}

	/** A new person with an address at {@code domain} that no one else has. */
	Human person(String domain) {
		String first = FIRST[this.random.nextInt(FIRST.length)];
		String last = LAST[this.random.nextInt(LAST.length)];
		String base = ascii(first) + "." + ascii(last);
		String local = base;
		for (int n = 2; !claim(local + "@" + domain); n++) {
			local = base + n;
		}
		return new Human(first, last, local, domain);
	}

	/** Claims {@code address} for one owner; false when someone has it already. */
	boolean claim(String address) {
		return this.taken.add(address.toLowerCase(Locale.ROOT));
	}

	/** A unique address built from {@code local} at {@code domain}, suffixed with a number if needed. */
	String unique(String local, String domain) {
		String candidate = local;
		for (int n = 2; !claim(candidate + "@" + domain); n++) {
			candidate = local + n;
		}
		return candidate + "@" + domain;
	}

	/** A username without a dot (so it can never equal an email local part, which always has one). */
	String username(String base, Set<String> usernames) {
		String candidate = base;
		for (int n = 2; !usernames.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			candidate = base + n;
		}
		return candidate;
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
