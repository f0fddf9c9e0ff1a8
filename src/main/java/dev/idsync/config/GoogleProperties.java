package dev.idsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Google Workspace customer idsync reads people from ({@code idsync.google}); leave it out to not use Google.
 *
 * @param url the Directory API's root URL
 * @param customer the customer id, or {@code my_customer} for the customer of the impersonated admin
 * @param domain a domain to read instead of the whole customer (optional)
 * @param credentialsFile a service-account key file (JSON) with domain-wide delegation; its {@code token_uri} is
 * where tokens are requested
 * @param credentialsEnv the environment variable holding that key (JSON) when no file is set
 * @param subject the Workspace admin the service account impersonates: setting it selects the service account
 * @param accessTokenFile a file holding a ready OAuth access token instead (for tests)
 * @param accessTokenEnv the environment variable holding such a token when no file is set
 * @param entitlementGroups group addresses whose members are entitled to Phorge; empty means everyone
 * @param adminGroups group addresses whose members may be Phorge administrators: an enabled Phorge admin whose
 * person is in none of them (nor in Okta's) is PRIVILEGED_DRIFT; empty (default) means no such rule
 * @param employeeIdType the {@code externalIds} type holding the HR employee id (a merge key across sources)
 * @param timeout how long one Directory API request may wait to connect, and then for the answer; with the retries it
 * bounds what a Google that does not answer costs a run: attempts × timeout plus the backoff (90 s by default), after
 * which Google is not asked again in that run. Token requests keep Google's client library's own 20 s
 * @param retry how failed requests and rate limits are retried
 */
public record GoogleProperties(@DefaultValue("https://admin.googleapis.com") String url,
		@DefaultValue("my_customer") String customer, @Nullable String domain, @Nullable Path credentialsFile,
		@DefaultValue("IDSYNC_GOOGLE_CREDENTIALS") String credentialsEnv, @Nullable String subject,
		@Nullable Path accessTokenFile,
		@DefaultValue("IDSYNC_GOOGLE_ACCESS_TOKEN") String accessTokenEnv, @DefaultValue List<String> entitlementGroups,
		@DefaultValue List<String> adminGroups,
		@DefaultValue("organization") String employeeIdType, @DefaultValue("20s") Duration timeout,
		@NestedConfigurationProperty @DefaultValue RetryProperties retry) {

	/** Read-only scopes: idsync never changes Google. */
	public static final List<String> SCOPES = List.of(
			"https://www.googleapis.com/auth/admin.directory.user.readonly",
			"https://www.googleapis.com/auth/admin.directory.group.member.readonly");

	@ConstructorBinding
	public GoogleProperties {
		url = Endpoints.require("idsync.google.url", url, "https://admin.googleapis.com").toString();
		if (customer.isBlank()) {
			throw new ConfigException("idsync.google.customer is empty. Use my_customer or your customer id.");
		}
		if (credentialsFile != null && (subject == null || subject.isBlank())) {
			throw new ConfigException("idsync.google.subject is required with idsync.google.credentials-file: set it "
					+ "to the email of the Workspace admin the service account impersonates.");
		}
		if (accessTokenFile != null && subject != null && !subject.isBlank()) {
			throw new ConfigException("idsync.google.access-token-file and idsync.google.subject exclude each other: "
					+ "use a service account (credentials-file and subject) or a ready access token, not both.");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new ConfigException("idsync.google.timeout must be positive, e.g. 20s.");
		}
		entitlementGroups = List.copyOf(entitlementGroups);
		adminGroups = List.copyOf(adminGroups);
	}

	/** A configuration with the defaults: everyone entitled. */
	public GoogleProperties(String url, String customer, @Nullable Path credentialsFile, @Nullable String subject,
			@Nullable Path accessTokenFile, String accessTokenEnv) {
		this(url, customer, null, credentialsFile, "IDSYNC_GOOGLE_CREDENTIALS", subject, accessTokenFile,
				accessTokenEnv, List.of(), List.of(), "organization", Duration.ofSeconds(20),
				RetryProperties.defaults());
	}

	/** Whether a service account with domain-wide delegation is configured (else a ready access token is used). */
	public boolean usesServiceAccount() {
		return this.subject != null && !this.subject.isBlank();
	}

}
