package dev.idsync.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Phorge (or Phabricator) instance idsync keeps honest ({@code idsync.phorge}).
 *
 * @param url the instance's base URL, e.g. {@code https://phorge.example.com}
 * @param tokenFile a file holding the Conduit API token of idsync's bot account
 * @param tokenEnv the environment variable holding the token when {@code token-file} is not set
 * @param lookupConcurrency how many {@code user.query} email lookups run at once
 * @param timeout the longest one attempt of a Conduit call may take (connecting, sending, waiting and reading); with
 * the retries it bounds what a Phorge that does not answer costs a run: attempts × timeout plus the backoff (110 s by
 * default), after which Conduit is not asked again in that run
 * @param retry how calls that failed for a passing reason (I/O, 5xx, Phorge's rate limiter, a broken answer) are
 * retried; Conduit's own errors (permissions, validation) never are
 * @param database Phorge's own database, read for what Conduit does not expose; {@code null} to use Conduit only
 */
public record PhorgeProperties(String url, @Nullable Path tokenFile,
		@DefaultValue("IDSYNC_CONDUIT_TOKEN") String tokenEnv, @DefaultValue("4") int lookupConcurrency,
		@DefaultValue("25s") Duration timeout,
		@NestedConfigurationProperty @DefaultValue RetryProperties retry,
		@NestedConfigurationProperty @Nullable PhorgeDatabaseProperties database) {

	@ConstructorBinding
	public PhorgeProperties {
		url = Endpoints.require("idsync.phorge.url", url, "https://phorge.example.com").toString();
		if (lookupConcurrency < 1 || lookupConcurrency > 32) {
			throw new ConfigException("idsync.phorge.lookup-concurrency: " + lookupConcurrency
					+ " is out of range. Use 1 to 32 (default 4).");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new ConfigException("idsync.phorge.timeout must be positive, e.g. 25s.");
		}
	}

	/** A configuration with the default retries. */
	public PhorgeProperties(String url, @Nullable Path tokenFile, String tokenEnv, int lookupConcurrency,
			Duration timeout) {
		this(url, tokenFile, tokenEnv, lookupConcurrency, timeout, RetryProperties.defaults(), null);
	}

	/** Whether idsync reads Phorge's database besides Conduit. */
	public boolean readsDatabase() {
		return this.database != null;
	}

}
