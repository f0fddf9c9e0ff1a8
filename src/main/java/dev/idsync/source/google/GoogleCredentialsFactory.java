package dev.idsync.source.google;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;

import dev.idsync.config.ConfigException;
import dev.idsync.config.GoogleProperties;
import dev.idsync.config.Secret;

/**
 * Builds Google credentials: a service account with domain-wide delegation impersonating a Workspace admin, or a
 * ready access token (tests and the simulator). google-auth's own retries of the token request are off: idsync's
 * retry loop counts every attempt, so that a token endpoint that does not answer costs what idsync's retries allow.
 */
final class GoogleCredentialsFactory {

	private GoogleCredentialsFactory() {
	}

	static GoogleCredentials create(GoogleProperties properties, Secret credential) {
		if (!properties.usesServiceAccount()) {
			Date expiry = Date.from(Instant.now().plusSeconds(3_600));
			return GoogleCredentials.create(new AccessToken(credential.reveal(), expiry));
		}
		try (InputStream key = new ByteArrayInputStream(credential.reveal().getBytes(StandardCharsets.UTF_8))) {
			return ServiceAccountCredentials.fromStream(key).createWithCustomRetryStrategy(false)
				.createScoped(GoogleProperties.SCOPES)
				.createDelegated(properties.subject());
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfigException("idsync.google.credentials-file: " + properties.credentialsFile()
					+ " is not a service-account key (" + ex.getClass().getSimpleName()
					+ "). Download the JSON key of the service account with domain-wide delegation.");
		}
	}

}
