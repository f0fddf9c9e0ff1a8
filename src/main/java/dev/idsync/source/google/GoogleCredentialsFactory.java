package dev.idsync.source.google;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;

import dev.idsync.config.ConfigException;
import dev.idsync.config.GoogleProperties;
import dev.idsync.config.Secret;

/**
 * Builds Google credentials: a service account with domain-wide delegation impersonating a Workspace admin, or a
 * ready access token (tests and the simulator).
 */
final class GoogleCredentialsFactory {

	/** Read-only: idsync never changes Google. */
	static final String SCOPE = "https://www.googleapis.com/auth/admin.directory.user.readonly";

	private GoogleCredentialsFactory() {
	}

	static GoogleCredentials create(GoogleProperties properties, Secret accessToken) {
		if (!properties.usesServiceAccount()) {
			Date expiry = Date.from(Instant.now().plusSeconds(3_600));
			return GoogleCredentials.create(new AccessToken(accessToken.reveal(), expiry));
		}
		try (InputStream key = Files.newInputStream(properties.credentialsFile())) {
			return ServiceAccountCredentials.fromStream(key).createScoped(List.of(SCOPE))
				.createDelegated(properties.subject());
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfigException("idsync.google.credentials-file: cannot read a service-account key from "
					+ properties.credentialsFile() + " (" + ex.getClass().getSimpleName()
					+ "). Download the JSON key of the service account with domain-wide delegation.");
		}
	}

}
