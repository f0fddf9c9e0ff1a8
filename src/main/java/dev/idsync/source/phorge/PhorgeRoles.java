package dev.idsync.source.phorge;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.idsync.domain.AccountKind;

/**
 * Phorge's role words, normalised across its two vocabularies: {@code user.search} says {@code bot} where
 * {@code user.query} and {@code user.whoami} say {@code agent}. The other words ({@code list}, {@code admin},
 * {@code disabled}, {@code approved}, {@code verified}, {@code activated}, and {@code unverified} of the older
 * methods) mean the same in both.
 */
record PhorgeRoles(Set<String> words) {

	static PhorgeRoles of(JsonNode roles) {
		Set<String> words = new HashSet<>();
		roles.values().forEach((role) -> words.add(role.asString().equals("agent") ? "bot" : role.asString()));
		return new PhorgeRoles(Set.copyOf(words));
	}

	AccountKind kind() {
		if (this.words.contains("list")) {
			return AccountKind.LIST;
		}
		return this.words.contains("bot") ? AccountKind.BOT : AccountKind.HUMAN;
	}

	boolean disabled() {
		return this.words.contains("disabled");
	}

	boolean approved() {
		return this.words.contains("approved");
	}

	boolean admin() {
		return this.words.contains("admin");
	}

	/**
	 * Whether the email address counts as verified: {@code user.search} reports the user's flag, {@code user.query}
	 * and {@code user.whoami} the primary address's row.
	 */
	boolean verified() {
		return this.words.contains("verified");
	}

}
