package dev.idsync.sim.phorge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small stand-in for Phorge's Ferret fulltext engine over a user's username and real name: every term must be one
 * of the document's words, compared without case; {@code ~term} matches any substring and {@code -term} excludes.
 * (Phorge also stems words and knows field prefixes; the simulator does not.)
 */
final class UserFulltext {

	private UserFulltext() {
	}

	/** The query's terms, split on whitespace and stripped of quotes. */
	static List<String> terms(String query) {
		return Arrays.stream(query.trim().split("\\s+"))
			.map((term) -> term.replace("\"", "").toLowerCase(Locale.ROOT))
			.filter((term) -> !term.isEmpty() && !term.equals("-") && !term.equals("~"))
			.toList();
	}

	/** Whether the user's username and real name satisfy every term of {@code query}. */
	static boolean matches(PhorgeUser user, String query) {
		String document = (user.userName() + " " + user.realName()).toLowerCase(Locale.ROOT);
		Set<String> words = words(document);
		return terms(query).stream().allMatch((term) -> {
			if (term.startsWith("-")) {
				return !matchesTerm(document, words, term.substring(1));
			}
			return matchesTerm(document, words, term);
		});
	}

	private static boolean matchesTerm(String document, Set<String> words, String term) {
		if (term.startsWith("~")) {
			return document.contains(term.substring(1));
		}
		return words(term).stream().allMatch(words::contains);
	}

	private static Set<String> words(String text) {
		return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty())
			.collect(Collectors.toSet());
	}

}
