package dev.idsync.source.phorge;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The account idsync's token belongs to, as {@code user.whoami} reports it.
 *
 * @param phid the account's {@code PHID-USER-…}
 * @param username its username
 * @param realName its display name
 * @param roles its role words, normalised ({@code agent} reads {@code bot}); e.g. {@code bot}, {@code admin},
 * {@code verified}, {@code approved}, {@code activated}
 * @param primaryEmail its primary address, or {@code null} when that address is not verified
 */
public record Whoami(String phid, String username, String realName, Set<String> roles,
		@Nullable String primaryEmail) {

	public Whoami {
		roles = Set.copyOf(roles);
	}

	static Whoami of(JsonNode result) {
		JsonNode email = result.path("primaryEmail");
		return new Whoami(result.path("phid").asString(), result.path("userName").asString(),
				result.path("realName").asString(""), PhorgeRoles.of(result.path("roles")).words(),
				(email.isNull() || email.isMissingNode()) ? null : email.asString());
	}

	/** Whether the account is a bot, as idsync's own account should be. */
	public boolean bot() {
		return this.roles.contains("bot");
	}

	/** Whether the account is a Phorge administrator. */
	public boolean admin() {
		return this.roles.contains("admin");
	}

	/** Whether the account's primary email address is verified. */
	public boolean verified() {
		return this.roles.contains("verified");
	}

}
