package dev.idsync.source.okta;

import java.time.Clock;
import java.util.Optional;

import dev.idsync.config.OktaEntitlementProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.CredentialCheck;
import dev.idsync.source.EntitlementSource;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Retrying;

/**
 * The Okta adapter's entry point: the users and, where configured, who is entitled to Phorge, sharing one client (so
 * that pacing and the in-flight limit cover both).
 */
public final class Okta {

	private final OktaClient client;

	private final OktaProperties properties;

	/**
	 * Connects to an Okta org (lazily: nothing is requested until the first read).
	 * @param properties the org and how to read it
	 * @param credential the SSWS token, or the service app's private key (PEM)
	 */
	public Okta(OktaProperties properties, Secret credential) {
		this(properties, credential, Retrying.Sleeper.thread(), Clock.systemUTC());
	}

	/**
	 * Connects with a given way of waiting (tests record waits instead of sleeping).
	 * @param properties the org and how to read it
	 * @param credential the SSWS token, or the service app's private key (PEM)
	 * @param sleeper how retries and pacing wait
	 * @param clock the clock pacing measures with
	 */
	public Okta(OktaProperties properties, Secret credential, Retrying.Sleeper sleeper, Clock clock) {
		this.client = new OktaClient(properties, credential, sleeper, clock);
		this.properties = properties;
	}

	/** The credential, proven by the cheapest authenticated request (the service app's token, or one user). */
	public CredentialCheck credential() {
		return this.client::checkCredential;
	}

	/** Every user in every status. */
	public IdentitySource identities() {
		return new OktaIdentitySource(this.client, this.properties);
	}

	/** Who is entitled to Phorge, unless everyone is. */
	public Optional<EntitlementSource> entitlement() {
		return this.properties.entitlement().everyone() ? Optional.empty()
				: Optional.of(new OktaEntitlementSource(this.client, this.properties.entitlement()));
	}

	/** The members of the configured admin groups ({@code okta:admins}), unless none are configured. */
	public Optional<EntitlementSource> admins() {
		return this.properties.adminGroups().isEmpty() ? Optional.empty()
				: Optional.of(new OktaEntitlementSource(this.client,
						new OktaEntitlementProperties("groups", this.properties.adminGroups(), null),
						EntitlementSource.adminsOf("okta"), "idsync.okta.admin-groups"));
	}

}
