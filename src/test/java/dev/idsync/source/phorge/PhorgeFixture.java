package dev.idsync.source.phorge;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phorge's tables ({@code phorge-schema.sql}) holding the recorded instance: the sample rows
 * ({@code phorge-db-sample-rows.txt}), the users' PHIDs, names and dates and the API tokens of
 * {@code phorge/reference-instance.json}, and the NOT NULL columns the sample omits filled with plausible values. A
 * few rows are added on purpose, each named below, for what the recording lacks.
 */
final class PhorgeFixture {

	static final String ADMIN = "PHID-USER-25ecortq4ibp6wcmb7kh";

	static final String NADIA = "PHID-USER-5rhj6izfzvsqo7wwepmi";

	static final String ALICE = "PHID-USER-j24dqusit4locclomx3v";

	static final String CAROL = "PHID-USER-zulmv3tlirzk36yhidqy";

	static final String DAVE = "PHID-USER-o4wj67oupcb3sp3ffk3u";

	static final String ERIN = "PHID-USER-baamdaieredljbpu27ft";

	static final String FRANK = "PHID-USER-erhqesjiar3qmoiaewly";

	static final String BOT = "PHID-USER-y553oueprtkrwtbxjttc";

	static final String GOOGLE = "PHID-AUTH-bptnrzcpm7irazqe3lj3";

	/** Added: the recording has nobody enrolled in MFA, so nadia is, to read both values. */
	static final Set<String> MFA_ENROLLED = Set.of("nadia");

	/** Added: a token of {@code arc install-certificate} that was never used, so it expires an hour after creation. */
	static final String CLI_TOKEN = "cli-frankhandshake2345abcdefghij";

	/** Added: an external account unlinked from its user (Phorge keeps the row and its identifiers). */
	static final String UNLINKED_ACCOUNT = "PHID-XUSR-unlinkedgoogleaccount";

	/** Added: dave's account at a GitHub provider whose configuration row is gone. */
	static final String ORPHANED_ACCOUNT = "PHID-XUSR-deletedgithubaccount1";

	/** Conduit's content source, as Phorge serializes it into a transaction. */
	static final String CONDUIT_SOURCE = "{\"source\":\"conduit\",\"params\":[]}";

	/** The web UI's content source. */
	static final String WEB_SOURCE = "{\"source\":\"web\",\"params\":[]}";

	private final PhorgeSchema schema = PhorgeSchema.read();

	private final PhorgeSampleRows sample = PhorgeSampleRows.read();

	private final JsonNode reference = JsonMapper.shared()
		.readTree(PhorgeSchema.text("/phorge/reference-instance.json"));

	private final Map<String, JsonNode> users = new HashMap<>();

	PhorgeFixture() {
		this.reference.path("users").values().forEach((user) -> this.users.put(user.path("userName").asString(), user));
	}

	/** Creates Phorge's databases with {@code prefix} on MariaDB (or MySQL) and fills them. */
	void createOnMariadb(Connection connection, String prefix) throws SQLException {
		for (String application : this.schema.applications()) {
			execute(connection, "CREATE DATABASE `" + prefix + application + "`");
		}
		for (PhorgeSchema.Table table : this.schema.tables()) {
			execute(connection, table.createOnMariadb(prefix));
		}
		fill(connection, prefix);
	}

	/** Drops Phorge's databases with {@code prefix} from MariaDB. */
	void dropOnMariadb(Connection connection, String prefix) throws SQLException {
		for (String application : this.schema.applications()) {
			execute(connection, "DROP DATABASE IF EXISTS `" + prefix + application + "`");
		}
	}

	/** Creates Phorge's databases with {@code prefix} as schemas of an H2 database in MySQL mode and fills them. */
	void createOnH2(Connection connection, String prefix) throws SQLException {
		for (String application : this.schema.applications()) {
			execute(connection, "CREATE SCHEMA `" + prefix + application + "`");
		}
		for (PhorgeSchema.Table table : this.schema.tables()) {
			execute(connection, table.createOnH2(prefix));
		}
		fill(connection, prefix);
	}

	/** The token values inserted, which no read may return. */
	List<String> tokenValues() {
		List<String> values = new ArrayList<>();
		this.reference.path("tokens").values().forEach((token) -> values.add(token.path("token").asString()));
		values.add(CLI_TOKEN);
		return values;
	}

	/** The PHID of a recorded user. */
	String phid(String userName) {
		return this.users.get(userName).path("phid").asString();
	}

	/** The recorded users' names, in id order. */
	List<String> userNames() {
		return this.reference.path("users").values().stream().map((user) -> user.path("userName").asString()).toList();
	}

	private void fill(Connection connection, String prefix) throws SQLException {
		Inserter insert = new Inserter(connection, prefix);
		for (Map<String, String> flags : this.sample.userFlags()) {
			insert.into("user", "user", user(flags));
		}
		for (Map<String, String> email : this.sample.emails()) {
			insert.into("user", "user_email", email(email));
		}
		for (Map<String, String> config : this.sample.providerConfigs()) {
			insert.into("auth", "auth_providerconfig", providerConfig(config));
		}
		for (Map<String, String> account : this.sample.externalAccounts()) {
			insert.into("user", "user_externalaccount", externalAccount(account));
		}
		for (Map<String, String> identifier : this.sample.identifiers()) {
			insert.into("user", "user_externalaccountidentifier", identifier(identifier));
		}
		addedAccounts(insert);
		long id = 0;
		for (JsonNode token : this.reference.path("tokens").values()) {
			insert.into("conduit", "conduit_token", token(++id, token.path("objectPhid").asString(),
					token.path("type").asString(), token.path("token").asString(), token.path("dateCreated").asLong(),
					token.path("expires").isNull() ? null : token.path("expires").asLong(), token.path("name").asString()));
		}
		insert.into("conduit", "conduit_token",
				token(++id, FRANK, "cli", CLI_TOKEN, 1795988500L, 1795992100L, "Command Line API Token"));
		transactions(insert);
	}

	/**
	 * The recorded disable and enable of dave ({@code user.edit} as admin, whose answers named these transaction
	 * PHIDs), and added: mallory disabled by the reconcile bot through Conduit, oscar by admin on the web, alice's
	 * approval (another transaction type, which no read of disables may return) and nothing for peggy, disabled
	 * before Phorge recorded disables as transactions.
	 */
	private void transactions(Inserter insert) throws SQLException {
		insert.into("user", "user_transaction", transaction(1, "PHID-XACT-USER-approvealice000", ADMIN, ALICE,
				"user.approve", "false", "true", WEB_SOURCE, 1795988496L));
		insert.into("user", "user_transaction", transaction(2, "PHID-XACT-USER-disablemallory0", BOT,
				phid("mallory"), "user.disable", "false", "true", CONDUIT_SOURCE, 1795988497L));
		insert.into("user", "user_transaction", transaction(3, "PHID-XACT-USER-disableoscar000", ADMIN,
				phid("oscar"), "user.disable", "false", "true", WEB_SOURCE, 1795988498L));
		insert.into("user", "user_transaction", transaction(4, "PHID-XACT-USER-qhc5ekmumkkarpk", ADMIN, DAVE,
				"user.disable", "false", "true", CONDUIT_SOURCE, 1795988538L));
		insert.into("user", "user_transaction", transaction(5, "PHID-XACT-USER-k2x4ddva3xgx5c6", ADMIN, DAVE,
				"user.disable", "true", "false", CONDUIT_SOURCE, 1795988539L));
	}

	/** A transaction as Phorge's editor stores one: public, editable by its author, without comment or metadata. */
	private static Map<String, Object> transaction(long id, String phid, String author, String object, String type,
			String oldValue, String newValue, String contentSource, long created) {
		Map<String, Object> row = row("id", id, "phid", phid, "authorPHID", author, "objectPHID", object, "viewPolicy",
				"public", "editPolicy", author, "commentPHID", null, "commentVersion", 0, "transactionType", type);
		row.putAll(row("oldValue", oldValue, "newValue", newValue, "metadata", "[]", "contentSource", contentSource,
				"dateCreated", created, "dateModified", created));
		return row;
	}

	private Map<String, Object> user(Map<String, String> flags) {
		JsonNode user = this.users.get(flags.get("userName"));
		long created = user.path("dateCreated").asLong();
		return row("id", Long.parseLong(flags.get("id")), "phid", user.path("phid").asString(), "userName",
				flags.get("userName"), "realName", user.path("realName").asString(), "dateCreated", created,
				"dateModified", user.path("dateModified").asLong(), "conduitCertificate", "cert-" + flags.get("id"),
				"isSystemAgent", flag(flags, "bot"), "isDisabled", flag(flags, "dis"), "isAdmin", flag(flags, "adm"),
				"isEmailVerified", flag(flags, "ver"), "isApproved", flag(flags, "app"), "accountSecret",
				bytes("secret-of-" + flags.get("userName"), 64), "isEnrolledInMultiFactor",
				MFA_ENROLLED.contains(flags.get("userName")), "isMailingList", flag(flags, "list"));
	}

	private Map<String, Object> email(Map<String, String> email) {
		long created = this.users.get(email.get("userName")).path("dateCreated").asLong();
		return row("id", Long.parseLong(email.get("id")), "userPHID", phid(email.get("userName")), "address",
				email.get("address"), "isVerified", flag(email, "isVerified"), "isPrimary", flag(email, "isPrimary"),
				"verificationCode", "code-" + email.get("id"), "dateCreated", created, "dateModified", created, "phid",
				"PHID-EMAIL-sample" + email.get("id"));
	}

	private static Map<String, Object> providerConfig(Map<String, String> config) {
		return row("id", Long.parseLong(config.get("id")), "phid", config.get("phid"), "providerClass",
				config.get("providerClass"), "providerType", config.get("providerType"), "providerDomain",
				config.get("providerDomain"), "isEnabled", flag(config, "isEnabled"), "shouldAllowLogin",
				flag(config, "login"), "shouldAllowRegistration", flag(config, "reg"), "shouldAllowLink", true,
				"shouldAllowUnlink", true, "shouldTrustEmails", flag(config, "trust"), "properties",
				config.get("properties"), "dateCreated", 1795988400L, "dateModified", 1795988400L, "shouldAutoLogin",
				false);
	}

	private Map<String, Object> externalAccount(Map<String, String> account) {
		return externalAccount(Long.parseLong(account.get("id")), account.get("phid"), phid(account.get("userName")),
				account.get("accountType"), account.get("accountDomain"), account.get("username"), account.get("email"),
				account.get("providerConfigPHID"));
	}

	private static Map<String, Object> externalAccount(long id, String phid, String userPhid, String type,
			String domain, String username, String email, String providerConfigPhid) {
		Map<String, Object> row = row("id", id, "phid", phid, "userPHID", userPhid, "accountType", type,
				"accountDomain", domain, "accountSecret", null, "accountID", "", "displayName", null, "dateCreated",
				1795988500L, "dateModified", 1795988500L, "username", username, "realName", null, "email", email);
		row.putAll(row("emailVerified", email != null, "accountURI", null, "profileImagePHID", null, "properties", "[]",
				"providerConfigPHID", providerConfigPhid));
		return row;
	}

	private static Map<String, Object> identifier(Map<String, String> identifier) {
		return identifier(Long.parseLong(identifier.get("id")), identifier.get("externalAccountPHID"),
				identifier.get("providerConfigPHID"), identifier.get("identifierHash"), identifier.get("identifierRaw"));
	}

	private static Map<String, Object> identifier(long id, String account, String config, String hash, String raw) {
		return row("id", id, "phid", "PHID-XIDT-sample" + id, "externalAccountPHID", account, "providerConfigPHID",
				config, "identifierHash", bytes(hash, 12), "identifierRaw", raw, "dateCreated", 1795988500L,
				"dateModified", 1795988500L);
	}

	/** The rows of {@link #UNLINKED_ACCOUNT} and {@link #ORPHANED_ACCOUNT}, which no read may return. */
	private void addedAccounts(Inserter insert) throws SQLException {
		insert.into("user", "user_externalaccount",
				externalAccount(6, UNLINKED_ACCOUNT, null, "google", "google.com", null, null, GOOGLE));
		insert.into("user", "user_externalaccountidentifier",
				identifier(9, UNLINKED_ACCOUNT, GOOGLE, "unlinkedhash", "id(104275981234567890999)"));
		insert.into("user", "user_externalaccountidentifier",
				identifier(10, UNLINKED_ACCOUNT, GOOGLE, "unlinkedmail", "former@example.com"));
		String github = "PHID-AUTH-deletedgithubconfig";
		insert.into("user", "user_externalaccount",
				externalAccount(7, ORPHANED_ACCOUNT, DAVE, "github", "github.com", "dave", "dave@example.com", github));
		insert.into("user", "user_externalaccountidentifier", identifier(11, ORPHANED_ACCOUNT, github, "githubhash00",
				"1234567"));
	}

	private static Map<String, Object> token(long id, String owner, String type, String token, long created,
			Long expires, String name) {
		return row("id", id, "objectPHID", owner, "tokenType", type, "token", token, "expires", expires, "dateCreated",
				created, "dateModified", created, "tokenName", name);
	}

	private static boolean flag(Map<String, String> row, String column) {
		return row.get(column).equals("1");
	}

	private static byte[] bytes(String text, int length) {
		byte[] bytes = new byte[length];
		byte[] source = text.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(source, 0, bytes, 0, Math.min(length, source.length));
		return bytes;
	}

	private static Map<String, Object> row(Object... columnsAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return row;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Inserts rows into the prefixed databases, with SQL that MariaDB and H2 both accept. */
	private record Inserter(Connection connection, String prefix) {

		void into(String application, String table, Map<String, Object> row) throws SQLException {
			String sql = "INSERT INTO `" + this.prefix + application + "`.`" + table + "` (`"
					+ String.join("`, `", row.keySet()) + "`) VALUES (" + "?, ".repeat(row.size() - 1) + "?)";
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				int index = 0;
				for (Object value : row.values()) {
					statement.setObject(++index, value);
				}
				statement.executeUpdate();
			}
		}

	}

}
