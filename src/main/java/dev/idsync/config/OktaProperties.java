package dev.idsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Okta org idsync reads people from ({@code idsync.okta}); leave the section out to not use Okta.
 *
 * @param url the org's base URL, e.g. {@code https://acme.okta.com} (no path)
 * @param auth {@code ssws} (an API token) or {@code private-key} (an OAuth 2.0 service app with private_key_jwt)
 * @param tokenFile with {@code ssws}: a file holding an SSWS API token of a read-only admin
 * @param tokenEnv with {@code ssws}: the environment variable holding the token when {@code token-file} is not set
 * @param clientId with {@code private-key}: the service app's client id
 * @param keyId with {@code private-key}: the id ({@code kid}) of the app's public key registered in Okta
 * @param privateKeyFile with {@code private-key}: a PEM file holding the app's private key
 * @param privateKeyEnv with {@code private-key}: the environment variable holding the PEM when no file is set
 * @param scopes with {@code private-key}: the scopes requested (read-only users, groups and apps by default)
 * @param entitlement who in Okta is entitled to Phorge
 * @param adminGroups Okta groups (names or {@code 00g…} ids) whose members may be Phorge administrators: an enabled
 * Phorge admin whose person is in none of them is PRIVILEGED_DRIFT; empty (default) means no such rule
 * @param usernameAttribute a profile attribute holding the person's Phorge username, used by the username rule
 * @param employeeIdAttribute the profile attribute holding the HR employee id (a merge key across sources)
 * @param maxInFlight the most requests idsync has in flight to Okta at once
 * @param paceBelow when a response says this many or fewer requests remain in the rate-limit window, idsync waits for
 * the window to reset instead of running into 429s (Okta's limits are shared by the whole org)
 * @param timeout how long one request may wait to connect, and then for each part of the answer (whole seconds);
 * with the retries it bounds what an Okta that does not answer costs a run: attempts × timeout plus the backoff
 * (110 s by default), after which Okta is not asked again in that run
 * @param retry how failed requests are retried
 */
public record OktaProperties(String url, @DefaultValue("ssws") String auth, @Nullable Path tokenFile,
		@DefaultValue("IDSYNC_OKTA_TOKEN") String tokenEnv, @Nullable String clientId, @Nullable String keyId,
		@Nullable Path privateKeyFile, @DefaultValue("IDSYNC_OKTA_PRIVATE_KEY") String privateKeyEnv,
		@DefaultValue({ "okta.users.read", "okta.groups.read", "okta.apps.read" }) List<String> scopes,
		@NestedConfigurationProperty @DefaultValue OktaEntitlementProperties entitlement,
		@DefaultValue List<String> adminGroups,
		@Nullable String usernameAttribute, @DefaultValue("employeeNumber") String employeeIdAttribute,
		@DefaultValue("4") int maxInFlight, @DefaultValue("5") int paceBelow, @DefaultValue("25s") Duration timeout,
		@NestedConfigurationProperty @DefaultValue RetryProperties retry) {

	@ConstructorBinding
	public OktaProperties {
		url = Endpoints.require("idsync.okta.url", url, "https://acme.okta.com").toString();
		auth = auth.trim().toLowerCase(Locale.ROOT);
		if (!auth.equals("ssws") && !auth.equals("private-key")) {
			throw new ConfigException("idsync.okta.auth: '" + auth + "' is not one of ssws, private-key.");
		}
		if (auth.equals("private-key") && (isBlank(clientId) || isBlank(keyId))) {
			throw new ConfigException("idsync.okta.client-id and idsync.okta.key-id are required with auth "
					+ "private-key: the service app's client id and the kid of its registered public key.");
		}
		if (maxInFlight < 1 || maxInFlight > 75) {
			throw new ConfigException("idsync.okta.max-in-flight: " + maxInFlight
					+ " is out of range. Use 1 to 75 (Okta allows 75 concurrent requests per org; default 4).");
		}
		if (paceBelow < 0) {
			throw new ConfigException("idsync.okta.pace-below cannot be negative (default 5).");
		}
		if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new ConfigException("idsync.okta.timeout: " + timeout + " is too short. Use at least 1s "
					+ "(default 25s; the Okta SDK counts whole seconds).");
		}
		scopes = List.copyOf(scopes);
		adminGroups = List.copyOf(adminGroups);
	}

	/** A configuration with the defaults: SSWS token, everyone entitled. */
	public OktaProperties(String url, @Nullable Path tokenFile, String tokenEnv) {
		this(url, "ssws", tokenFile, tokenEnv, null, null, null, "IDSYNC_OKTA_PRIVATE_KEY",
				List.of("okta.users.read", "okta.groups.read", "okta.apps.read"),
				new OktaEntitlementProperties("everyone", List.of(), null), List.of(), null, "employeeNumber", 4, 5,
				Duration.ofSeconds(25), RetryProperties.defaults());
	}

	/** Whether idsync authenticates as an OAuth 2.0 service app (else with an SSWS token). */
	public boolean usesPrivateKey() {
		return this.auth.equals("private-key");
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
