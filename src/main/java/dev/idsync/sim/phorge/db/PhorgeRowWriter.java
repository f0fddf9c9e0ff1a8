package dev.idsync.sim.phorge.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.sim.phorge.PhorgeAuthProvider;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * Writes {@link PhorgeRows} with plain JDBC, filling the columns Phorge fills itself as it does (random
 * {@code [a-z2-7]} secrets and PHIDs) from a random source of fixed seed.
 */
final class PhorgeRowWriter {

	private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

	private static final Pattern FILE_PHID = Pattern.compile("PHID-FILE-[a-z2-7]{20}");

	/** Rows per JDBC batch, so that an organisation of 100,000 people is not one giant batch. */
	private static final int BATCH = 1_000;

	private final JdbcTemplate jdbc;

	private final String prefix;

	private final Random random = new Random(4_2026_1130L);

	PhorgeRowWriter(DataSource dataSource, String prefix) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.prefix = prefix;
	}

	void write(PhorgeRows rows) {
		providers(rows.providers());
		users(rows.users());
		emails(rows.emails(), rows.users().stream().collect(Collectors.toMap(PhorgeUser::phid, (u) -> u)));
		tokens(rows.tokens());
		externalAccounts(rows.externalAccounts());
		insert("user", "user_transaction", UserTransactionTable.COLUMNS, rows.transactions(),
				UserTransactionTable::values);
	}

	private void providers(List<PhorgeAuthProvider> providers) {
		insert("auth", "auth_providerconfig", List.of("phid", "providerClass", "providerType", "providerDomain",
				"isEnabled", "shouldAllowLogin", "shouldAllowRegistration", "shouldAllowLink", "shouldAllowUnlink",
				"shouldTrustEmails", "properties", "dateCreated", "dateModified", "shouldAutoLogin"), providers,
				(p) -> new Object[] { p.phid(), p.providerClass(), p.type(), p.domain(), 1, 1,
						bit(p.allowRegistration()), 1, 1, bit(p.trustEmails()), p.properties(), p.dateCreated(),
						p.dateCreated(), 0 });
	}

	/** Users keep their ids; a default avatar, once Conduit has shown it, is recorded as Phorge's {@code v1}. */
	private void users(List<PhorgeUser> users) {
		insert("user", "user", List.of("id", "phid", "userName", "realName", "dateCreated", "dateModified",
				"conduitCertificate", "isSystemAgent", "isDisabled", "isAdmin", "isEmailVerified", "isApproved",
				"accountSecret", "isEnrolledInMultiFactor", "isMailingList", "defaultProfileImagePHID",
				"defaultProfileImageVersion"), users, (u) -> {
					String avatar = avatar(u.imagePath());
					return new Object[] { u.id(), u.phid(), u.userName(), u.realName(), u.dateCreated(),
							u.dateModified(), secret(255), bit(u.bot()), bit(u.disabled()), bit(u.admin()),
							bit(u.emailVerified()), bit(u.approved()), secret(64), bit(u.mfa()), bit(u.mailingList()),
							avatar, (avatar != null) ? "v1" : null };
				});
	}

	/** Each address dates from its account's creation and carries the verification code Phorge gives every one. */
	private void emails(List<PhorgeEmail> emails, Map<String, PhorgeUser> owners) {
		insert("user", "user_email", List.of("userPHID", "address", "isVerified", "isPrimary", "verificationCode",
				"dateCreated", "dateModified", "phid"), emails, (e) -> {
					long created = owners.get(e.userPhid()).dateCreated();
					return new Object[] { e.userPhid(), e.address(), bit(e.verified()), bit(e.primary()), secret(24),
							created, created, phid("EADR") };
				});
	}

	private void tokens(List<PhorgeToken> tokens) {
		insert("conduit", "conduit_token", List.of("objectPHID", "tokenType", "token", "expires", "dateCreated",
				"dateModified", "tokenName"), tokens, (t) -> new Object[] { t.objectPhid(), t.type(), t.token(),
						t.expires(), t.dateCreated(), t.dateCreated(), t.name() });
	}

	/** The obsolete type, domain and id columns are written as Phorge does since T13493: from the provider, and ''. */
	private void externalAccounts(List<PhorgeExternalAccount> accounts) {
		insert("user", "user_externalaccount", List.of("phid", "userPHID", "accountType", "accountDomain", "accountID",
				"dateCreated", "dateModified", "username", "realName", "email", "emailVerified", "properties",
				"providerConfigPHID"), accounts, (a) -> new Object[] { a.phid(), a.userPhid(), a.provider().type(),
						a.provider().domain(), "", a.dateCreated(), a.dateCreated(), a.username(), a.realName(),
						a.email(), bit(a.emailVerified()), "[]", a.provider().phid() });
		List<Object[]> identifiers = new ArrayList<>();
		for (PhorgeExternalAccount account : accounts) {
			for (String identifier : account.identifiers()) {
				identifiers.add(new Object[] { phid("XIDT"), account.phid(), account.provider().phid(),
						PhorgeHash.digestForIndex(identifier), identifier, account.dateCreated(),
						account.dateCreated() });
			}
		}
		insert("user", "user_externalaccountidentifier", List.of("phid", "externalAccountPHID", "providerConfigPHID",
				"identifierHash", "identifierRaw", "dateCreated", "dateModified"), identifiers, Function.identity());
	}

	private <T> void insert(String application, String table, List<String> columns, List<T> rows,
			Function<T, Object[]> values) {
		String sql = "INSERT INTO `" + this.prefix + application + "`.`" + table + "` ("
				+ columns.stream().map((column) -> "`" + column + "`").collect(Collectors.joining(", ")) + ") VALUES ("
				+ columns.stream().map((column) -> "?").collect(Collectors.joining(", ")) + ")";
		for (int from = 0; from < rows.size(); from += BATCH) {
			this.jdbc.batchUpdate(sql,
					rows.subList(from, Math.min(rows.size(), from + BATCH)).stream().map(values).toList());
		}
	}

	private String phid(String type) {
		return "PHID-" + type + "-" + secret(20);
	}

	/** Phorge's {@code Filesystem::readRandomCharacters()}: characters of {@code [a-z2-7]}. */
	private String secret(int length) {
		StringBuilder secret = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			secret.append(BASE32.charAt(this.random.nextInt(BASE32.length())));
		}
		return secret.toString();
	}

	private static @Nullable String avatar(String imagePath) {
		Matcher phid = FILE_PHID.matcher(imagePath);
		return phid.find() ? phid.group() : null;
	}

	private static int bit(boolean value) {
		return value ? 1 : 0;
	}

}
