package dev.idsync.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Google Workspace customer idsync reads people from ({@code idsync.google}); leave it out to not use Google.
 *
 * @param url the Directory API's root URL
 * @param customer the customer id, or {@code my_customer} for the customer of the impersonated admin
 * @param credentialsFile a service-account key file (JSON) with domain-wide delegation
 * @param subject the Workspace admin the service account impersonates (with {@code credentials-file})
 * @param accessTokenFile a file holding a ready OAuth access token instead (for tests and the simulator)
 * @param accessTokenEnv the environment variable holding such a token when no file is set
 */
public record GoogleProperties(@DefaultValue("https://admin.googleapis.com") String url,
		@DefaultValue("my_customer") String customer, @Nullable Path credentialsFile, @Nullable String subject,
		@Nullable Path accessTokenFile, @DefaultValue("IDSYNC_GOOGLE_ACCESS_TOKEN") String accessTokenEnv) {

	public GoogleProperties {
		url = Endpoints.require("idsync.google.url", url, "https://admin.googleapis.com").toString();
		if (customer.isBlank()) {
			throw new ConfigException("idsync.google.customer is empty. Use my_customer or your customer id.");
		}
		if (credentialsFile != null && (subject == null || subject.isBlank())) {
			throw new ConfigException("idsync.google.subject is required with idsync.google.credentials-file: set it "
					+ "to the email of the Workspace admin the service account impersonates.");
		}
	}

	/** Whether a service account with domain-wide delegation is configured (else a ready access token is used). */
	public boolean usesServiceAccount() {
		return this.credentialsFile != null;
	}

}
