package dev.idsync.source.phorge;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables of Phorge's database that idsync reads, each with the columns it reads: the access check selects exactly
 * these, so a grant limited to them (no {@code conduit_token.token}) passes it. Every identifier is quoted with
 * backticks ({@code user} is a reserved word, in MySQL and in H2's MySQL mode alike) and qualified with its database.
 */
enum PhorgeTable {

	USER("user", "user", "id", "phid", "isEnrolledInMultiFactor"),

	USER_EMAIL("user", "user_email", "id", "userPHID", "address", "isVerified", "isPrimary"),

	EXTERNAL_ACCOUNT("user", "user_externalaccount", "phid", "userPHID", "providerConfigPHID"),

	EXTERNAL_ACCOUNT_IDENTIFIER("user", "user_externalaccountidentifier", "id", "externalAccountPHID",
			"identifierRaw"),

	AUTH_PROVIDER_CONFIG("auth", "auth_providerconfig", "phid", "providerType", "providerDomain"),

	CONDUIT_TOKEN("conduit", "conduit_token", "id", "objectPHID", "tokenType", "tokenName", "dateCreated", "expires"),

	USER_TRANSACTION("user", "user_transaction", "id", "objectPHID", "authorPHID", "transactionType", "newValue",
			"dateCreated");

	private final String application;

	private final String table;

	private final List<String> columns;

	PhorgeTable(String application, String table, String... columns) {
		this.application = application;
		this.table = table;
		this.columns = List.of(columns);
	}

	/** The columns idsync reads from the table. */
	List<String> columns() {
		return this.columns;
	}

	/** The table's name for people, e.g. {@code phabricator_user.user_email}. */
	String displayName(String prefix) {
		return prefix + this.application + "." + this.table;
	}

	/** The table's name for SQL, e.g. {@code `phabricator_user`.`user_email`}. */
	String sql(String prefix) {
		return quote(prefix + this.application) + "." + quote(this.table);
	}

	/** A query that reads one row of the columns idsync reads, to prove that it may. */
	String probe(String prefix) {
		return "SELECT " + this.columns.stream().map(PhorgeTable::quote).collect(Collectors.joining(", ")) + " FROM "
				+ sql(prefix) + " LIMIT 1";
	}

	/** An identifier in backticks; names here are constants or the validated prefix, never input. */
	static String quote(String identifier) {
		return "`" + identifier + "`";
	}

}
