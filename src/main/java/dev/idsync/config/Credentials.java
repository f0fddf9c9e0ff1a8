package dev.idsync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The credentials of every configured system, resolved from files or the environment before anything runs.
 *
 * @param okta the Okta API token or, with {@code auth: private-key}, the service app's private key (PEM)
 * @param google the Google service-account key (JSON), or else the access token, when Google is configured
 * @param conduit idsync's Conduit token
 * @param storePassword the password of idsync's database (empty for the embedded H2)
 * @param phorgeDatabase the password of Phorge's database, when idsync reads it
 * @param tokenWriter the password of the database user that creates and terminates API tokens, when configured
 * @param webhook the notification webhook's URL, when one is configured
 */
public record Credentials(@Nullable Secret okta, @Nullable Secret google, Secret conduit, Secret storePassword,
		@Nullable Secret phorgeDatabase, @Nullable Secret tokenWriter, @Nullable Secret webhook) {

	/** Credentials without a token writer or a webhook. */
	public Credentials(@Nullable Secret okta, @Nullable Secret google, Secret conduit, Secret storePassword,
			@Nullable Secret phorgeDatabase) {
		this(okta, google, conduit, storePassword, phorgeDatabase, null, null);
	}

	/**
	 * Resolves every credential the configuration needs.
	 * @param properties the configuration
	 * @param environment the process environment
	 * @return the credentials
	 * @throws ConfigException when one is missing or unreadable
	 */
	public static Credentials resolve(IdsyncProperties properties, Map<String, String> environment) {
		OktaProperties okta = properties.okta();
		GoogleProperties google = properties.google();
		PhorgeProperties phorge = properties.phorge();
		StoreProperties store = properties.store();
		return new Credentials(
				(okta != null) ? okta(okta, environment) : null,
				(google != null) ? google(google, environment) : null,
				conduit(phorge, environment),
				storePassword(store, environment),
				(phorge.database() != null) ? phorgeDatabase(phorge.database(), environment) : null,
				(phorge.database() != null && phorge.database().tokenWriter() != null)
						? resolve(phorge.database().tokenWriter(), environment) : null,
				(properties.notifications().webhook() != null)
						? webhook(properties.notifications().webhook(), environment) : null);
	}

	/** The password of Phorge's token writer. */
	/**
	 * The bearer token the report and catalog URLs of {@code idsync serve} require, if one is configured.
	 * @throws ConfigException when the file is missing or empty
	 */
	public static @Nullable Secret managementToken(ManagementProperties management) {
		return (management.tokenFile() != null) ? Secret.resolve("idsync.management.token-file",
				management.tokenFile(), "IDSYNC_MANAGEMENT_TOKEN", Map.of()) : null;
	}

	public static Secret resolve(TokenWriterProperties writer, Map<String, String> environment) {
		return Secret.resolve("idsync.phorge.database.token-writer.password-file", writer.passwordFile(),
				writer.passwordEnv(), environment);
	}

	/**
	 * The webhook's URL: https, or http to loopback only; never repeated in a message, since it is a credential.
	 */
	public static Secret webhook(WebhookProperties webhook, Map<String, String> environment) {
		Secret url = Secret.resolve("idsync.notify.webhook.url-file", webhook.urlFile(), webhook.urlEnv(), environment);
		URI uri;
		try {
			uri = new URI(url.reveal());
		}
		catch (URISyntaxException ex) {
			uri = URI.create("invalid:");
		}
		String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
		boolean secure = scheme.equals("https") || (scheme.equals("http") && uri.getHost() != null
				&& Endpoints.isLoopback(uri.getHost()));
		if (uri.getHost() == null || !secure) {
			throw new ConfigException("The webhook URL (idsync.notify.webhook.url-file or $" + webhook.urlEnv()
					+ ") is not an https URL with a host. Use the URL your chat gives the incoming webhook, e.g. "
					+ "https://hooks.slack.com/services/….");
		}
		return url;
	}

	/** The password of Phorge's database. */
	public static Secret phorgeDatabase(PhorgeDatabaseProperties database, Map<String, String> environment) {
		return Secret.resolve("idsync.phorge.database.password-file", database.passwordFile(), database.passwordEnv(),
				environment);
	}

	/** idsync's Conduit token. */
	public static Secret conduit(PhorgeProperties phorge, Map<String, String> environment) {
		return Secret.resolve("idsync.phorge.token-file", phorge.tokenFile(), phorge.tokenEnv(), environment);
	}

	/** The Okta API token or the service app's private key. */
	public static Secret okta(OktaProperties okta, Map<String, String> environment) {
		if (okta.usesPrivateKey()) {
			return Secret.resolve("idsync.okta.private-key-file", okta.privateKeyFile(), okta.privateKeyEnv(),
					environment);
		}
		return Secret.resolve("idsync.okta.token-file", okta.tokenFile(), okta.tokenEnv(), environment);
	}

	/** The Google service-account key, or else the access token. */
	public static Secret google(GoogleProperties google, Map<String, String> environment) {
		if (google.usesServiceAccount()) {
			return Secret.resolve("idsync.google.credentials-file", google.credentialsFile(), google.credentialsEnv(),
					environment);
		}
		return Secret.resolve("idsync.google.access-token-file", google.accessTokenFile(), google.accessTokenEnv(),
				environment);
	}

	/** The password of idsync's database (empty for the embedded H2 unless set). */
	public static Secret storePassword(StoreProperties store, Map<String, String> environment) {
		if (store.passwordFile() != null) {
			return Secret.resolve("idsync.store.password-file", store.passwordFile(), store.passwordEnv(), environment);
		}
		return Secret.of(environment.getOrDefault(store.passwordEnv(), ""));
	}

}
