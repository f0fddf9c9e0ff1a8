package dev.idsync.reconcile;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.Person;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationKeysTests {

	private static final CorrelationKeys ALIASED = new CorrelationKeys(
			Map.of("corp.example.com", "example.com", "mail.example.com", "example.com"), "attribute-or-local-part",
			null);

	@Test
	void emailKeyWhenAddressHasAnAliasDomainMapsItToTheCanonicalOne() {
		// given an address at an alias domain, in mixed case
		String address = " Alice.Smith@CORP.example.com ";

		// when
		String key = ALIASED.emailKey(address);

		// then
		assertThat(key).isEqualTo("alice.smith@example.com");
	}

	@Test
	void emailKeyWhenDomainIsNoAliasOnlyLowerCases() {
		assertThat(ALIASED.emailKey("Bob@Other.ORG")).isEqualTo("bob@other.org");
		assertThat(ALIASED.emailKey("Alice@Example.com")).isEqualTo("alice@example.com");
		assertThat(CorrelationKeys.defaults().emailKey("Alice@Corp.Example.com")).isEqualTo("alice@corp.example.com");
	}

	@Test
	void emailFormsWhenMailboxIsAliasedListsEveryFormOnce() {
		// given the same mailbox, written at the canonical domain and at an alias

		// when
		List<String> fromCanonical = ALIASED.emailForms("Alice@Example.com");
		List<String> fromAlias = ALIASED.emailForms("alice@corp.example.com");

		// then the address itself comes first, and every form appears exactly once
		assertThat(fromCanonical).first().isEqualTo("alice@example.com");
		assertThat(fromCanonical).containsExactlyInAnyOrder("alice@example.com", "alice@corp.example.com",
				"alice@mail.example.com");
		assertThat(fromAlias).first().isEqualTo("alice@corp.example.com");
		assertThat(fromAlias).containsExactlyInAnyOrder("alice@example.com", "alice@corp.example.com",
				"alice@mail.example.com");
	}

	@Test
	void emailFormsWhenDomainIsNoAliasIsTheAddressAlone() {
		assertThat(ALIASED.emailForms("Bob@Other.org")).containsExactly("bob@other.org");
		assertThat(CorrelationKeys.defaults().emailForms("Alice@Example.com")).containsExactly("alice@example.com");
	}

	@Test
	void nameKeyWhenNamesDifferInCaseWhitespaceOrUnicodeFormIsEqual() {
		// given "Zoë" precomposed, and decomposed (e + combining diaeresis) with stray whitespace
		String precomposed = "Zo\u00eb Smith";
		String decomposed = "  zoe\u0308   SMITH\t";

		// when / then
		assertThat(CorrelationKeys.nameKey(precomposed)).isEqualTo("zo\u00eb smith");
		assertThat(CorrelationKeys.nameKey(decomposed)).isEqualTo(CorrelationKeys.nameKey(precomposed));
		assertThat(CorrelationKeys.nameKey("Zoe Smith")).isNotEqualTo(CorrelationKeys.nameKey(precomposed));
	}

	@Test
	void usernameWhenRuleIsAttributeOrLocalPartPrefersTheSourcesAttribute() {
		CorrelationKeys keys = rule("attribute-or-local-part", null);
		assertThat(keys.username(person("Alice.Smith@example.com", "Alice Smith", "ASmith"))).isEqualTo("asmith");
		assertThat(keys.username(person("Alice.Smith@example.com", "Alice Smith", null))).isEqualTo("alice.smith");
	}

	@Test
	void usernameWhenRuleIsLocalPartIgnoresTheAttribute() {
		CorrelationKeys keys = rule("local-part", null);
		assertThat(keys.username(person("Alice.Smith@example.com", "Alice Smith", "asmith"))).isEqualTo("alice.smith");
	}

	@Test
	void usernameWhenRuleIsAttributeAndSourcesRecordNoneIsNull() {
		CorrelationKeys keys = rule("attribute", null);
		assertThat(keys.username(person("alice@example.com", "Alice Smith", "ASmith"))).isEqualTo("asmith");
		assertThat(keys.username(person("alice@example.com", "Alice Smith", null))).isNull();
	}

	@Test
	void usernameWhenRuleIsTemplateFillsInitialAndLastName() {
		// given
		CorrelationKeys keys = rule("template", "{f}{last}");

		// when / then: the last word is the last name, middle names are skipped
		assertThat(keys.username(person("a@example.com", "Alice Smith", "ignored"))).isEqualTo("asmith");
		assertThat(keys.username(person("a@example.com", "Alice  Marie   Smith", null))).isEqualTo("asmith");
	}

	@Test
	void usernameWhenRuleIsTemplateJoinsFirstAndLastName() {
		CorrelationKeys keys = rule("template", "{first}.{last}");
		assertThat(keys.username(person("a@example.com", "Alice Smith", null))).isEqualTo("alice.smith");
		assertThat(rule("template", "{local}-x").username(person("Al.Ice@example.com", "Alice Smith", null)))
			.isEqualTo("al.ice-x");
	}

	@Test
	void usernameWhenRuleIsTemplateReducesAccentsToAscii() {
		// given names with accents, a precomposed and a decomposed one, and punctuation
		CorrelationKeys keys = rule("template", "{first}.{last}");

		// when / then
		assertThat(keys.username(person("j@example.com", "Jos\u00e9 \u00c1lvarez", null))).isEqualTo("jose.alvarez");
		assertThat(keys.username(person("j@example.com", "Jose\u0301 Mu\u00f1oz", null))).isEqualTo("jose.munoz");
		assertThat(keys.username(person("j@example.com", "Jean-Luc O'Brien", null))).isEqualTo("jeanluc.obrien");
	}

	@Test
	void usernameWhenTemplateNameHasNoLatinLetterDerivesNone() {
		// given a name of two words without a Latin letter: reduced to ASCII, nothing of it remains
		CorrelationKeys keys = rule("template", "{f}{last}");
		Person person = person("lei@example.com", "\u674e \u96f7", null);

		// when
		String username = keys.username(person);

		// then the rule derives no username for the person (it used to fail the run on the empty first word)
		assertThat(username).isNull();
		assertThat(rule("template", "{first}.{last}").username(person("lei@example.com", "\u674e\u96f7", null)))
			.isNull();
		assertThat(rule("template", "{local}").username(person)).isEqualTo("lei");
	}

	private static CorrelationKeys rule(String rule, @Nullable String template) {
		return new CorrelationKeys(Map.of(), rule, template);
	}

	private static Person person(String email, String name, @Nullable String usernameHint) {
		return new Person(email.toLowerCase(), name, List.of(email.toLowerCase()), Lifecycle.ACTIVE, "okta:00u1 ACTIVE",
				true, null, usernameHint);
	}

}
