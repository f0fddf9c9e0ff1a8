package dev.idsync.reconcile;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.Person;
import dev.idsync.domain.SourceIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PersonMergerTests {

	@Test
	void mergeWhenSourcesDisagreeKeepsTheMostActiveState() {
		Person person = PersonMerger.merge(List.of(
				new SourceIdentity("google", "1034", "Anna.Berg@Example.com", List.of("anna.berg@example.com",
						"a.berg@example.com"), "Anna Berg", Lifecycle.SUSPENDED, "suspended"),
				new SourceIdentity("okta", "00u1", "anna.berg@example.com", List.of("anna.berg@example.com",
						"anna@home.example.org"), "Anna Berg", Lifecycle.ACTIVE, "ACTIVE")));
		assertThat(person.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
		assertThat(person.key()).isEqualTo("anna.berg@example.com");
		assertThat(person.emails()).containsExactly("anna.berg@example.com", "a.berg@example.com",
				"anna@home.example.org");
		assertThat(person.sources()).isEqualTo("google:1034 suspended; okta:00u1 ACTIVE");
		assertThat(person.localPart()).isEqualTo("anna.berg");
	}

	@Test
	void mergeWhenEverySourceSaysGoneIsGone() {
		Person person = PersonMerger.merge(List.of(
				new SourceIdentity("google", "1", "x@example.com", List.of("x@example.com"), "X", Lifecycle.DEPROVISIONED,
						"deleted"),
				new SourceIdentity("okta", "2", "x@example.com", List.of("x@example.com"), "X", Lifecycle.SUSPENDED,
						"SUSPENDED")));
		assertThat(person.lifecycle()).isEqualTo(Lifecycle.SUSPENDED);
	}

	@Test
	void mergeRefusesRecordsOfDifferentPeople() {
		assertThatIllegalArgumentException().isThrownBy(() -> PersonMerger.merge(List.of(
				new SourceIdentity("okta", "1", "a@example.com", List.of("a@example.com"), "A", Lifecycle.ACTIVE, "A"),
				new SourceIdentity("okta", "2", "b@example.com", List.of("b@example.com"), "B", Lifecycle.ACTIVE,
						"A"))));
	}

}
