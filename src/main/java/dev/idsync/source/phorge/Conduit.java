package dev.idsync.source.phorge;

import java.net.URI;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.AccountDirectory;
import dev.idsync.source.EmailLookup;
import dev.idsync.source.Retrying;

/**
 * The Phorge adapter's entry point: the account directory and the email lookup, sharing one Conduit client.
 */
public final class Conduit {

	private final ConduitClient client;

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
		this.client = new ConduitClient(URI.create(properties.url()), token, properties.timeout(), properties.retry(),
				sleeper);
	}

	/** Every account, page by page. */
	public AccountDirectory accounts() {
		return new ConduitAccountDirectory(this.client);
	}

	/** Email-to-account lookups. */
	public EmailLookup emails() {
		return new ConduitEmailLookup(this.client);
	}

}
