package dev.idsync.source.phorge;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.idsync.domain.Account;

/**
 * Reads {@code user.search} results: the rows of {@code data} and the {@code after} cursor, an object id as a
 * string, {@code null} on the last page.
 */
final class UserSearchRows {

	private UserSearchRows() {
	}

	static List<Account> accounts(JsonNode result) {
		List<Account> accounts = new ArrayList<>();
		result.path("data").values().forEach((row) -> accounts.add(account(row)));
		return accounts;
	}

	static @Nullable String after(JsonNode result) {
		JsonNode after = result.path("cursor").path("after");
		return (after.isNull() || after.isMissingNode()) ? null : after.asString();
	}

	private static Account account(JsonNode row) {
		JsonNode fields = row.path("fields");
		PhorgeRoles roles = PhorgeRoles.of(fields.path("roles"));
		return new Account(row.path("id").asLong(), row.path("phid").asString(), fields.path("username").asString(),
				fields.path("realName").asString(""), roles.kind(), roles.disabled(), roles.approved(), roles.admin(),
				fields.path("dateCreated").asLong());
	}

}
