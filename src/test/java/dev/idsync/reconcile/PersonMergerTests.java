package dev.idsync.reconcile;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MergePolicy;
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
		assertThat(person.conflict()).isEqualTo("google says suspended (suspended), okta says active (ACTIVE)");
	}

	@Test
	void mergeWithPrecedenceLetsTheMostTrustedSourceDecideAndStillReportsTheConflict() {
		List<IdentityRecord> records = List.of(
				record("google", "1034", Lifecycle.ACTIVE, "active", true),
				record("okta", "00u1", Lifecycle.DEPROVISIONED, "DEPROVISIONED", true));
		Person person = PersonMerger.merge(records, new MergePolicy(false, List.of("okta", "google")));
		assertThat(person.lifecycle()).isEqualTo(Lifecycle.DEPROVISIONED);
		assertThat(person.conflict()).isEqualTo("okta says deprovisioned (DEPROVISIONED), google says active (active)");
	}

	@Test
	void mergeIsEntitledWhenAnySourceEntitles() {
		assertThat(PersonMerger.merge(List.of(record("okta", "1", Lifecycle.ACTIVE, "ACTIVE", false),
				record("google", "2", Lifecycle.ACTIVE, "active", true)), MergePolicy.byEmail()).entitled()).isTrue();
		Person outsider = PersonMerger.merge(List.of(record("okta", "1", Lifecycle.ACTIVE, "ACTIVE", false)),
				MergePolicy.byEmail());
		assertThat(outsider.entitled()).isFalse();
		assertThat(outsider.sources()).isEqualTo("okta:1 ACTIVE (not entitled)");
		assertThat(outsider.conflict()).isNull();
	}

	@Test
	void mergeByEmployeeIdJoinsRecordsWithDifferentEmails() {
		SourceIdentity okta = new SourceIdentity("okta", "00u1", "anna@example.com", List.of("anna@example.com"),
				"Anna", Lifecycle.ACTIVE, "ACTIVE", "E42", "aberg");
		SourceIdentity hr = new SourceIdentity("hr", "7", "anna.berg@corp.example.com",
				List.of("anna.berg@corp.example.com"), "Anna Berg", Lifecycle.ACTIVE, "active", "E42", null);
		MergePolicy policy = new MergePolicy(true, List.of("hr"));
		assertThat(policy.keyOf(okta)).isEqualTo(policy.keyOf(hr)).isEqualTo("employee:E42");
		Person person = PersonMerger.merge(List.of(new IdentityRecord(okta, true), new IdentityRecord(hr, true)),
				policy);
		assertThat(person.key()).isEqualTo("anna.berg@corp.example.com");
		assertThat(person.emails()).containsExactly("anna.berg@corp.example.com", "anna@example.com");
		assertThat(person.usernameCandidate()).isEqualTo("aberg");
	}

	private static IdentityRecord record(String source, String id, Lifecycle lifecycle, String raw, boolean entitled) {
		return new IdentityRecord(new SourceIdentity(source, id, "x@example.com", List.of("x@example.com"), "X",
				lifecycle, raw), entitled);
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
