package dev.idsync.batch;

import java.time.Clock;

import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;

/**
 * What a run of the nightly job is configured with: the validated configuration, the resolved credentials and the
 * clock.
 *
 * @param properties the configuration
 * @param credentials the credentials
 * @param clock the clock runs are timed with
 */
public record JobSettings(IdsyncProperties properties, Credentials credentials, Clock clock) {

	@Override
	public String toString() {
		return "JobSettings[properties=" + this.properties + ", credentials=redacted]";
	}

}
