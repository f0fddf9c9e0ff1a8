package dev.idsync.reconcile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Person;

/**
 * The keys records are compared by when correlating: email addresses case-insensitively with domain aliases mapped to
 * their canonical domain, real names normalised, and the username the configured username rule derives.
 *
 * @param aliases alias domain to canonical domain, lower-cased (e.g. {@code corp.example.com → example.com})
 * @param usernameRule {@code attribute-or-local-part}, {@code local-part}, {@code attribute} or {@code template}
 * @param usernameTemplate the template, with {@code template}
 */
public record CorrelationKeys(Map<String, String> aliases, String usernameRule, @Nullable String usernameTemplate) {

	public CorrelationKeys {
		aliases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aliases));
	}

	/** No aliases; the source's username attribute, else the primary email's local part. */
	public static CorrelationKeys defaults() {
		return new CorrelationKeys(Map.of(), "attribute-or-local-part", null);
	}

	/** An address as it is compared: lower-cased, its domain mapped to the canonical domain when it is an alias. */
	public String emailKey(String address) {
		String lower = address.trim().toLowerCase(Locale.ROOT);
		int at = lower.lastIndexOf('@');
		if (at < 0) {
			return lower;
		}
		String canonical = this.aliases.get(lower.substring(at + 1));
		return (canonical != null) ? lower.substring(0, at + 1) + canonical : lower;
	}

	/**
	 * Every form of an address that is the same mailbox: itself, and the same local part at every domain aliased to the
	 * same canonical domain (Conduit can only look up exact addresses).
	 */
	public List<String> emailForms(String address) {
		String lower = address.trim().toLowerCase(Locale.ROOT);
		int at = lower.lastIndexOf('@');
		if (at < 0 || this.aliases.isEmpty()) {
			return List.of(lower);
		}
		String local = lower.substring(0, at + 1);
		String canonical = emailKey(lower).substring(at + 1);
		Set<String> forms = new LinkedHashSet<>();
		forms.add(lower);
		forms.add(local + canonical);
		this.aliases.forEach((alias, target) -> {
			if (target.equals(canonical)) {
				forms.add(local + alias);
			}
		});
		return new ArrayList<>(forms);
	}

	/** A real or display name as names are compared: NFC, whitespace collapsed, case-insensitive. */
	public static String nameKey(String name) {
		return Classifier.normalizeName(name).toLowerCase(Locale.ROOT);
	}

	/**
	 * The username the username rule looks for, lower-cased, or {@code null} when the rule derives none for this
	 * person (e.g. {@code attribute} and the sources record no username).
	 */
	public @Nullable String username(Person person) {
		String local = person.localPart().toLowerCase(Locale.ROOT);
		return switch (this.usernameRule) {
			case "local-part" -> local;
			case "attribute" -> (person.usernameHint() != null) ? person.usernameHint().toLowerCase(Locale.ROOT) : null;
			case "template" -> template(person);
			default -> person.usernameCandidate();
		};
	}

	private @Nullable String template(Person person) {
		String template = String.valueOf(this.usernameTemplate);
		// a word without a Latin letter leaves nothing in ASCII: a name of such words alone gives no name to fill in
		String name = ascii(Classifier.normalizeName(person.displayName())).trim();
		if (name.isEmpty() && template.replace("{local}", "").contains("{")) {
			return null;
		}
		String[] words = name.split(" +");
		String first = words[0];
		String last = (words.length > 1) ? words[words.length - 1] : "";
		String out = template.replace("{local}", person.localPart().toLowerCase(Locale.ROOT))
			.replace("{first}", first)
			.replace("{last}", last)
			.replace("{f}", first.isEmpty() ? "" : first.substring(0, 1))
			.replace("{l}", last.isEmpty() ? "" : last.substring(0, 1));
		return out.toLowerCase(Locale.ROOT);
	}

	private static String ascii(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9 ]", "");
	}

}
