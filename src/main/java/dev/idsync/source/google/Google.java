package dev.idsync.source.google;

import java.util.Optional;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.CredentialCheck;
import dev.idsync.source.EntitlementSource;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Retrying;

/**
 * The Google Workspace adapter's entry point: the users and, where configured, who is entitled to Phorge.
 */
public final class Google {

	private final GoogleClient client;

	private final GoogleProperties properties;

	/**
	 * Connects to the Directory API.
	 * @param properties the customer and how to read it
	 * @param credential the service account's key (JSON), or a ready access token
	 */
	public Google(GoogleProperties properties, Secret credential) {
		this(properties, credential, Retrying.Sleeper.thread());
	}

	/**
	 * Connects with a given way of waiting (tests record waits instead of sleeping).
	 * @param properties the customer and how to read it
	 * @param credential the service account's key (JSON), or a ready access token
	 * @param sleeper how retries wait
	 */
	public Google(GoogleProperties properties, Secret credential, Retrying.Sleeper sleeper) {
		this.client = new GoogleClient(properties, credential, sleeper);
		this.properties = properties;
	}

	/** The credential, proven by the cheapest authenticated request (the delegated token, or one user). */
	public CredentialCheck credential() {
		return this.client::checkCredential;
	}

	/** Every user: live, then recently deleted. */
	public IdentitySource identities() {
		return new GoogleIdentitySource(this.client, this.properties);
	}

	/** Who is entitled to Phorge, unless everyone is. */
	public Optional<EntitlementSource> entitlement() {
		return this.properties.entitlementGroups().isEmpty() ? Optional.empty()
				: Optional.of(new GoogleEntitlementSource(this.client, this.properties.entitlementGroups()));
	}

	/** The members of the configured admin groups ({@code google:admins}), unless none are configured. */
	public Optional<EntitlementSource> admins() {
		return this.properties.adminGroups().isEmpty() ? Optional.empty()
				: Optional.of(new GoogleEntitlementSource(this.client, this.properties.adminGroups(),
						EntitlementSource.adminsOf("google")));
	}

}
