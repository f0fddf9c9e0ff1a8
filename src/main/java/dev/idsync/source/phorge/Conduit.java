package dev.idsync.source.phorge;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Random;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.Account;
import dev.idsync.source.AccountDirectory;
import dev.idsync.source.CredentialCheck;
import dev.idsync.source.EmailLookup;
import dev.idsync.source.Retrying;

/**
 * The Phorge adapter's entry point: the account directory, the email lookup, account lookups, the account writes and
 * the capability probe, sharing one Conduit client. Every failure is a {@link ConduitException} whose
 * {@link ConduitException#kind() kind} says what went wrong.
 */
public final class Conduit {

	private final ConduitClient client;

	private final ConduitAccountLookup lookup;

	private final ConduitAccountAdmin admin;

	private final URI url;

	private final Duration timeout;

	private final Retrying retrying;

	private final String tokenSource;

	/**
	 * Connects to a Phorge instance.
	 * @param properties the instance's URL and timeouts
	 * @param token idsync's Conduit token
	 */
	public Conduit(PhorgeProperties properties, Secret token) {
		this(properties, token, Retrying.Sleeper.thread());
	}

	/**
	 * Connects to a Phorge instance with a given way of waiting between retries (tests record instead of sleeping).
	 * @param properties the instance's URL, timeouts and retries
	 * @param token idsync's Conduit token
	 * @param sleeper how retries wait
	 */
	public Conduit(PhorgeProperties properties, Secret token, Retrying.Sleeper sleeper) {
		this.url = URI.create(properties.url());
		this.timeout = properties.timeout();
		this.retrying = new Retrying(properties.retry(), sleeper, new Random());
		this.client = new ConduitClient(this.url, token, this.timeout, this.retrying);
		this.lookup = new ConduitAccountLookup(this.client);
		this.admin = new ConduitAccountAdmin(this.client, this.lookup);
		this.tokenSource = (properties.tokenFile() != null)
				? "idsync.phorge.token-file (" + properties.tokenFile() + ")" : "$" + properties.tokenEnv();
	}

	/**
	 * How many times each Conduit method was called so far through this instance ({@code user.search},
	 * {@code user.whoami}, …), one call per invocation whatever its retries or outcome; safe to read while calls go on.
	 * @return a read-only copy, by method name in alphabetical order
	 */
	public Map<String, Long> calls() {
		return this.client.calls().snapshot();
	}

	/** Every account, page by page. */
	public AccountDirectory accounts() {
		return new ConduitAccountDirectory(this.client);
	}

	/** Email-to-account lookups. */
	public EmailLookup emails() {
		return new ConduitEmailLookup(this.client);
	}

	/**
	 * The account idsync's token belongs to ({@code user.whoami}).
	 * @throws ConduitException when the call fails, e.g. {@link ConduitFailure#INVALID_AUTH} for a bad token
	 */
	public Whoami whoami() {
		return Whoami.of(this.client.call("user.whoami", this.client.params()).value());
	}

	/**
	 * idsync's token, proven with {@code user.whoami} before the long reads.
	 * @return the check; a refused token fails it with a {@link ConduitException} that names the property holding the
	 * token
	 */
	public CredentialCheck credential() {
		return () -> {
			try {
				return "conduit: @" + whoami().username() + " at " + this.url;
			}
			catch (ConduitException ex) {
				if (ex.kind() != ConduitFailure.INVALID_AUTH && ex.kind() != ConduitFailure.INVALID_SESSION) {
					throw ex;
				}
				throw new ConduitException(ex.method(), ex.kind(), ex.errorCode(),
						"Phorge refused the token in " + this.tokenSource + ": " + ex.detail());
			}
		};
	}

	/**
	 * The accounts with these usernames, through {@code user.search}, 100 names a call.
	 * @param usernames usernames in any case; repeats are asked once
	 * @return the accounts found, keyed by lower-cased username; unknown names are absent
	 * @throws ConduitException when a call fails
	 */
	public Map<String, Account> accountsByUsername(Collection<String> usernames) {
		return this.lookup.byUsername(usernames);
	}

	/**
	 * The accounts with these PHIDs, through {@code user.search}, 100 PHIDs a call.
	 * @param phids {@code PHID-USER-…} identifiers
	 * @return the accounts found, keyed by PHID; unknown PHIDs are absent
	 * @throws ConduitException when a call fails
	 */
	public Map<String, Account> accountsByPhid(Collection<String> phids) {
		return this.lookup.byPhid(phids);
	}

	/**
	 * Disables or enables an account with {@code user.edit} (which needs "Can Disable Users"), or with
	 * {@code user.disable}/{@code user.enable} (which need an administrator) on a Phabricator without
	 * {@code user.edit}. The write is idempotent (an account already as asked is left alone and reported unchanged),
	 * so retrying it after an I/O error, here or by the caller, is safe.
	 * @param phid the account
	 * @param disabled {@code true} to disable, {@code false} to enable
	 * @return the account before and after, and whether the write changed it
	 * @throws ConduitException when the account does not exist ({@link ConduitFailure#BAD_PHID}, nothing changed),
	 * the bot may not do it ({@link ConduitFailure#PERMISSION}), Phorge refuses it ({@link ConduitFailure#VALIDATION},
	 * e.g. for the bot's own account) or a call fails
	 */
	public AccountChange setDisabled(String phid, boolean disabled) {
		return this.admin.setDisabled(phid, disabled);
	}

	/**
	 * Approves an account, or withdraws the approval, with {@code user.edit} (administrators only). The write is
	 * idempotent, so retrying it after an I/O error is safe.
	 * @param phid the account
	 * @param approved {@code true} to approve
	 * @return the account before and after, and whether the write changed it
	 * @throws ConduitException when the account does not exist ({@link ConduitFailure#BAD_PHID}), the bot is no
	 * administrator ({@link ConduitFailure#VALIDATION}), the instance has no {@code user.edit}
	 * ({@link ConduitFailure#UNKNOWN_METHOD}: no older method approves) or a call fails
	 */
	public AccountChange setApproved(String phid, boolean approved) {
		return this.admin.setApproved(phid, approved);
	}

	/**
	 * Finds out, without changing anything, whether idsync's bot may disable and enable accounts: it asks Phorge to
	 * let the bot disable itself, which Phorge refuses either for want of "Can Disable Users" or, when the bot holds
	 * it, because nobody may disable their own account.
	 * @return whether the bot holds the capability, and Phorge's answer that shows it
	 * @throws ConduitException when Phorge answers anything else (e.g. {@link ConduitFailure#UNKNOWN_METHOD} on a
	 * Phabricator without {@code user.edit}), or, loudly, should it ever let the bot disable itself
	 */
	public DisableUsersProbe probeCanDisableUsers() {
		return this.admin.probeCanDisableUsers(whoami());
	}

	/**
	 * Whose token a value is: {@code user.whoami} presented with it, once, without retrying a refusal.
	 * @param properties the Phorge instance
	 * @param token the token to check
	 * @return the PHID of the account it acts as
	 * @throws ConduitException when Phorge refuses it ({@link ConduitFailure#INVALID_AUTH}; the token is redacted)
	 */
	public static String ownerOf(PhorgeProperties properties, Secret token) {
		return new Conduit(properties, token).whoami().phid();
	}

	/**
	 * Whose token a value is, as {@link #ownerOf(PhorgeProperties, Secret)} says, through this instance's retries: a
	 * Phorge it found unreachable in this run is not asked again.
	 * @param token the token to check
	 * @return the PHID of the account it acts as
	 * @throws ConduitException when Phorge refuses it, or does not answer
	 */
	public String ownerOf(Secret token) {
		ConduitClient presenting = new ConduitClient(this.url, token, this.timeout, this.retrying,
				this.client.calls());
		return Whoami.of(presenting.call("user.whoami", presenting.params()).value()).phid();
	}

}
