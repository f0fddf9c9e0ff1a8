package dev.idsync.source.phorge;

import java.net.URI;
import java.time.Duration;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.AccountDirectory;
import dev.idsync.source.EmailLookup;

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
		this(properties, token, Duration.ofMillis(500));
	}

	/**
	 * Connects to a Phorge instance with a given first retry delay (tests shorten it).
	 * @param properties the instance's URL and timeouts
	 * @param token idsync's Conduit token
	 * @param backoff the delay before the first retry; each further retry waits twice as long
	 */
	public Conduit(PhorgeProperties properties, Secret token, Duration backoff) {
		this.client = new ConduitClient(URI.create(properties.url()), token, properties.timeout(), backoff);
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
