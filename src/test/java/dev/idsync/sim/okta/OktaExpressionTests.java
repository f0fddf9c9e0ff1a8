package dev.idsync.sim.okta;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OktaExpression}.
 */
class OktaExpressionTests {

	private final List<OktaSimUser> users = OktaSimUsers.generate(40);

	@Test
	void parseWhenStatusesJoinedWithOrMatchesEither() {
		assertThat(matching("status eq \"STAGED\" OR status eq \"SUSPENDED\"")).extracting(OktaSimUser::status)
			.hasSize(8)
			.containsOnly("STAGED", "SUSPENDED");
	}

	@Test
	void parseWhenAndBindsTighterThanOrGroupsLikeOkta() {
		List<OktaSimUser> matched = matching(
				"status eq \"STAGED\" or status eq \"ACTIVE\" and profile.login eq \"user4@example.com\"");
		assertThat(matched).extracting(OktaSimUser::id)
			.containsExactlyInAnyOrder(OktaSimUsers.id(1), OktaSimUsers.id(11), OktaSimUsers.id(21),
					OktaSimUsers.id(31), OktaSimUsers.id(4));
	}

	@Test
	void parseWhenDateComparedComparesInstants() {
		assertThat(matching("lastUpdated lt \"2024-01-06T11:00:00.000Z\"")).extracting(OktaSimUser::id)
			.containsExactlyInAnyOrder(OktaSimUsers.id(0), OktaSimUsers.id(1));
	}

	@Test
	void parseWhenParenthesisedAndSwMatchesPrefix() {
		assertThat(matching("(profile.firstName sw \"first3\") and status eq \"ACTIVE\""))
			.extracting(OktaSimUser::id)
			.containsExactlyInAnyOrder(OktaSimUsers.id(34), OktaSimUsers.id(35), OktaSimUsers.id(36),
					OktaSimUsers.id(37), OktaSimUsers.id(38), OktaSimUsers.id(39));
	}

	@Test
	void parseWhenCustomAttributeAbsentNeverMatches() {
		assertThat(matching("profile.phabricatorUsername eq \"user7\"")).isEmpty();
		assertThat(matching("profile.phabricatorUsername eq \"USER8\"")).extracting(OktaSimUser::id)
			.containsExactly(OktaSimUsers.id(8));
	}

	@Test
	void parseWhenUnreadableThrowsInvalidSearch() {
		for (String text : List.of("", "status", "status eq", "status ne \"ACTIVE\"", "status eq \"ACTIVE",
				"(status eq \"ACTIVE\"", "status eq \"ACTIVE\" or", "status eq \"ACTIVE\" nonsense",
				"lastUpdated gt \"yesterday\"", "nickname eq \"x\"", "\"status\" eq \"ACTIVE\"", "status eq )")) {
			assertThatExceptionOfType(OktaApiError.class).as(text)
				.isThrownBy(() -> OktaExpression.parse(text, OktaAttributes::searchable))
				.satisfies((error) -> assertThat(error.code()).isEqualTo("E0000031"));
		}
	}

	@Test
	void parseWhenFilterNamesSearchOnlyAttributeThrowsInvalidSearch() {
		assertThatExceptionOfType(OktaApiError.class)
			.isThrownBy(() -> OktaExpression.parse("profile.phabricatorUsername eq \"x\"",
					OktaAttributes.FILTERABLE::contains));
	}

	private List<OktaSimUser> matching(String text) {
		Predicate<OktaSimUser> predicate = OktaExpression.parse(text, OktaAttributes::searchable);
		return this.users.stream().filter(predicate).toList();
	}

}
