package dev.idsync.store;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.domain.AccountDisable;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.reconcile.CorrelationKeys;

/**
 * What one run read from Phorge's own database about its accounts: email addresses, external-account identifiers,
 * MFA enrolment and API tokens (never their values). Each read replaces its own rows, so that a restarted read
 * starts over.
 */
public final class AccountDetailStore {

	private final JdbcTemplate jdbc;

	private final CorrelationKeys keys;

	private final StoreDialect dialect;

	public AccountDetailStore(DataSource dataSource) {
		this(dataSource, CorrelationKeys.defaults());
	}

	/**
	 * A store that keys addresses as {@code keys} compares them (domain aliases).
	 * @param dataSource idsync's database
	 * @param keys how addresses are compared
	 */
	public AccountDetailStore(DataSource dataSource, CorrelationKeys keys) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.keys = keys;
		this.dialect = new StoreDialect(this.jdbc);
	}

	/** Deletes the staged addresses. */
	public void deleteEmails(String runId) {
		this.jdbc.update("DELETE FROM stage_account_email WHERE run_id = ?", runId);
	}

	/** Stages addresses, each with its case-insensitive key. */
	public void insertEmails(String runId, List<? extends AccountEmail> emails) {
		this.dialect.insert("stage_account_email", "run_id, phid, address, address_key, verified, is_primary", emails,
				(email) -> new Object[] { runId, email.phid(), email.address(), this.keys.emailKey(email.address()),
					email.verified(), email.primary() });
	}

	/** Deletes the staged external-account identifiers. */
	public void deleteLinks(String runId) {
		this.jdbc.update("DELETE FROM stage_account_link WHERE run_id = ?", runId);
	}

	/** Stages external-account identifiers. */
	public void insertLinks(String runId, List<? extends ExternalIdentifier> identifiers) {
		this.dialect.insert("stage_account_link", "run_id, phid, external_phid, provider_type, provider_domain, "
				+ "identifier, external_key", identifiers,
				(identifier) -> new @Nullable Object[] { runId, identifier.phid(), identifier.externalAccountPhid(),
					identifier.providerType(), identifier.providerDomain(), identifier.identifier(),
					externalKey(identifier) });
	}

	/**
	 * The key an identity record is found by: {@code google:<id>} for a Google account's {@code id(<id>)},
	 * {@code ldap:<uid>} (lower-cased) for an LDAP account; none for other identifiers (a Google link's email is
	 * correlated as an email address).
	 */
	static @Nullable String externalKey(ExternalIdentifier identifier) {
		String raw = identifier.identifier();
		if (identifier.providerType().equals("google") && raw.startsWith("id(") && raw.endsWith(")")) {
			return "google:" + raw.substring(3, raw.length() - 1);
		}
		if (identifier.providerType().equals("ldap")) {
			return "ldap:" + raw.toLowerCase(Locale.ROOT);
		}
		return null;
	}

	/** Deletes the staged MFA enrolments. */
	public void deleteSecurity(String runId) {
		this.jdbc.update("DELETE FROM stage_account_security WHERE run_id = ?", runId);
	}

	/** Stages MFA enrolments. */
	public void insertSecurity(String runId, List<? extends AccountSecurity> accounts) {
		this.dialect.insert("stage_account_security", "run_id, phid, mfa", accounts,
				(account) -> new Object[] { runId, account.phid(), account.mfa() });
	}

	/** Deletes the staged disable history. */
	public void deleteDisables(String runId) {
		this.jdbc.update("DELETE FROM stage_disable WHERE run_id = ?", runId);
	}

	/** Stages Phorge's record of who disabled or enabled each account, and when. */
	public void insertDisables(String runId, List<? extends AccountDisable> disables) {
		this.dialect.insert("stage_disable", "run_id, phid, author_phid, disabled, at_epoch", disables,
				(disable) -> new Object[] { runId, disable.phid(), disable.authorPhid(), disable.disabled(),
					disable.epochSecond() });
	}

	/** Deletes the staged token inventory. */
	public void deleteTokens(String runId) {
		this.jdbc.update("DELETE FROM stage_token WHERE run_id = ?", runId);
	}

	/** Stages the token inventory: owner, type, name and dates, never a value. */
	public void insertTokens(String runId, List<? extends ApiTokenInfo> tokens) {
		this.dialect.insert("stage_token", "run_id, token_id, owner_phid, token_type, token_name, created_epoch, "
				+ "expires_epoch", tokens,
				(token) -> new @Nullable Object[] { runId, token.id(), token.ownerPhid(), token.type(), token.name(),
					token.createdEpochSecond(), token.expiresEpochSecond() });
	}

	/**
	 * An account's live API tokens as this run staged them: how many, and when the oldest was created.
	 * @return {@code [count, oldest epoch second]}, or empty when the account holds none
	 */
	public java.util.Optional<long[]> liveTokens(String runId, String ownerPhid, long nowEpochSecond) {
		return this.jdbc.query("SELECT COUNT(*) AS n, MIN(created_epoch) AS oldest FROM stage_token WHERE run_id = ? "
				+ "AND owner_phid = ? AND (expires_epoch IS NULL OR expires_epoch > ?)", (rs, i) -> new long[] {
						rs.getLong("n"), rs.getLong("oldest") }, runId, ownerPhid, nowEpochSecond).stream()
			.filter((row) -> row[0] > 0).findFirst();
	}

}
