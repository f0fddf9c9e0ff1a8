package dev.idsync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Prometheus Pushgateway ({@code idsync.metrics.pushgateway}): at the end of each run its metrics are pushed to
 * {@code <url>/metrics/job/<job>} with POST, which replaces the metrics the run sets and keeps the others (a run that
 * failed before its report leaves the last report's findings and the last success time in place). A failed push is
 * logged in one line and never changes the run's outcome.
 *
 * @param url the Pushgateway's base URL, e.g. {@code http://pushgateway.monitoring:9091}; it may carry basic-auth
 * credentials ({@code https://user:password@host}), which are never logged and need https unless the host is loopback
 * @param job the {@code job} the metrics are grouped under (default {@code idsync}): letters, digits, {@code _},
 * {@code .} and {@code -}
 * @param timeout how long connecting, and then waiting for the answer, may each take (default 10s)
 */
public record PushgatewayProperties(@Nullable String url, @DefaultValue("idsync") String job,
		@DefaultValue("10s") Duration timeout) {

	private static final String EXAMPLE = "http://pushgateway.monitoring:9091";

	public PushgatewayProperties {
		URI uri = parse(url);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new ConfigException("idsync.metrics.pushgateway.url: '" + withoutCredentials(uri) + "' is not an "
					+ "http(s) URL with a host. Use the Pushgateway's base URL, e.g. " + EXAMPLE + ".");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new ConfigException("idsync.metrics.pushgateway.url: '" + withoutCredentials(uri) + "' has a query "
					+ "or a fragment. Use the Pushgateway's base URL alone, e.g. " + EXAMPLE + ".");
		}
		if (uri.getRawUserInfo() != null && scheme.equals("http") && !Endpoints.isLoopback(uri.getHost())) {
			throw new ConfigException("idsync.metrics.pushgateway.url: '" + withoutCredentials(uri) + "' carries "
					+ "credentials over plain http to a host that is not loopback; they would travel in clear text. "
					+ "Use https.");
		}
		if (!job.matches("[A-Za-z0-9_.-]+")) {
			throw new ConfigException("idsync.metrics.pushgateway.job: '" + job + "' is not a job name. Use letters, "
					+ "digits, _, . and - (default idsync).");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new ConfigException("idsync.metrics.pushgateway.timeout must be positive, e.g. 10s.");
		}
	}

	/** The Pushgateway's base URL without credentials and without a trailing slash: what a log line may name. */
	public String endpoint() {
		String text = withoutCredentials(parse(this.url));
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/** The URL's {@code user:password}, still URL-encoded, or {@code null} when it carries none. */
	public @Nullable String userInfo() {
		return parse(this.url).getRawUserInfo();
	}

	@Override
	public String toString() {
		return "PushgatewayProperties[url=" + endpoint() + ", job=" + this.job + ", timeout=" + this.timeout + "]";
	}

	private static URI parse(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new ConfigException("idsync.metrics.pushgateway.url is required. Set it to the Pushgateway's base "
					+ "URL, e.g. " + EXAMPLE + ", or remove idsync.metrics.pushgateway.");
		}
		try {
			return new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			// the reason alone: the value may hold a password
			throw new ConfigException("idsync.metrics.pushgateway.url is not a valid URL (" + ex.getReason()
					+ "). Use the Pushgateway's base URL, e.g. " + EXAMPLE + ".");
		}
	}

	private static String withoutCredentials(URI uri) {
		if (uri.getRawUserInfo() == null) {
			return uri.toString();
		}
		return uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
				+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
	}

}
