package dev.idsync.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.idsync.domain.LinkedPerson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backstage export, parsed back: every entity valid by Backstage's rules, whatever the addresses and source names,
 * and carrying what a portal needs to show the person's Phorge account.
 */
class BackstageExportTests {

	@Test
	void exportWhenAddressesCollideOrBreakTheNameRulesStillWritesValidUniqueEntities() {
		// given
		List<LinkedPerson> people = List.of(
				new LinkedPerson("amirm", "PHID-USER-1", "amir.meyer@example.com", "Amir Meyer",
						Map.of("okta", "00u1abc", "google", "103456789012345678901")),
				new LinkedPerson("amir2", "PHID-USER-2", "Amir.Meyer@example.org", "Amir Meyer (contractor)",
						Map.of("okta", "00u2def")),
				new LinkedPerson("lee", "PHID-USER-3", "-lee+phorge--@example.com", "Lee <Kim>",
						Map.of("hr export", "E-1001")),
				new LinkedPerson("x", "PHID-USER-4", "a".repeat(80) + "@example.com", "Long Name",
						Map.of("okta", "00u4")),
				new LinkedPerson("y", "PHID-USER-5", "a".repeat(80) + "@example.org", "Long Name Too",
						Map.of("okta", "00u5")),
				new LinkedPerson("zoe", "PHID-USER-6", "ß@example.com", "Zoë", Map.of("okta", "00u6")));
		StringWriter out = new StringWriter();

		// when
		int written = new BackstageExport("https://phorge.example.com/").write(people.iterator(), out);
		List<JsonNode> entities = BackstageRules.parse(out.toString());

		// then
		assertThat(written).isEqualTo(6);
		assertThat(entities).hasSize(6);
		assertThat(BackstageRules.violations(entities)).isEmpty();
		assertThat(entities.stream().map((entity) -> entity.path("metadata").path("name").asString()))
			.containsExactly("amir.meyer", "Amir.Meyer-2", "lee-phorge", "a".repeat(63), "a".repeat(61) + "-2", "user");
		JsonNode amir = entities.get(0);
		assertThat(amir.path("metadata").path("annotations").path("phorge.it/username").asString()).isEqualTo("amirm");
		assertThat(amir.path("metadata").path("annotations").path("phorge.it/phid").asString()).isEqualTo("PHID-USER-1");
		assertThat(amir.path("metadata").path("annotations").path("okta.com/user-id").asString()).isEqualTo("00u1abc");
		assertThat(amir.path("metadata").path("annotations").path("google.com/user-id").isString()).isTrue();
		assertThat(amir.path("metadata").path("links").get(0).path("url").asString())
			.isEqualTo("https://phorge.example.com/p/amirm/");
		assertThat(amir.path("spec").path("profile").path("email").asString()).isEqualTo("amir.meyer@example.com");
		assertThat(amir.path("spec").path("profile").path("displayName").asString()).isEqualTo("Amir Meyer");
		assertThat(entities.get(2).path("metadata").path("annotations").path("idsync.dev/hr-export-user-id")
			.asString()).isEqualTo("E-1001");
		assertThat(entities.get(2).path("spec").path("profile").path("displayName").asString()).isEqualTo("Lee <Kim>");
	}

	@Test
	void exportOfNobodyIsAnEmptyCatalogFile() {
		StringWriter out = new StringWriter();
		assertThat(new BackstageExport("https://phorge.example.com").write(List.<LinkedPerson>of().iterator(), out))
			.isZero();
		assertThat(BackstageRules.parse(out.toString())).isEmpty();
	}

}
