package dev.idsync.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.jspecify.annotations.Nullable;

import dev.idsync.config.PushgatewayProperties;

/**
 * Pushes a registry to a Prometheus Pushgateway in the text format, once, without retrying: with POST, which replaces
 * the metrics pushed and keeps the group's others.
 */
final class Pushgateway {

	/** A Pushgateway's error answer can be long; a log line keeps this much of it. */
	private static final int REASON_LENGTH = 200;

	private Pushgateway() {
	}

	/**
	 * Pushes the registry's metrics under {@code job}.
	 * @throws IllegalStateException when the push fails, with a reason free of the URL's credentials
	 */
	static void push(PushgatewayProperties properties, PrometheusRegistry registry) {
		URI endpoint = URI.create(properties.endpoint());
		// the client's own settings (system properties, prometheus.properties) must not redirect the push
		PushGateway.Builder builder = PushGateway.builder(PrometheusProperties.builder().build())
			.scheme(endpoint.getScheme().equalsIgnoreCase("https") ? Scheme.HTTPS : Scheme.HTTP)
			.address(endpoint.getRawAuthority() + endpoint.getRawPath())
			.job(properties.job())
			.format(Format.PROMETHEUS_TEXT)
			.connectionTimeout(properties.timeout())
			.readTimeout(properties.timeout())
			.registry(registry);
		String password = basicAuth(builder, properties.userInfo());
		try {
			builder.build().pushAdd();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(reason(ex, password));
		}
	}

	/** Sets the URL's credentials as basic authentication; returns the password, for keeping it out of messages. */
	private static @Nullable String basicAuth(PushGateway.Builder builder, @Nullable String userInfo) {
		if (userInfo == null) {
			return null;
		}
		int colon = userInfo.indexOf(':');
		String user = decode((colon < 0) ? userInfo : userInfo.substring(0, colon));
		String password = (colon < 0) ? "" : decode(userInfo.substring(colon + 1));
		builder.basicAuth(user, password);
		return password.isEmpty() ? null : password;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/** The deepest cause in one line (the client names the URL without its credentials), without the password. */
	private static String reason(Exception failure, @Nullable String password) {
		Throwable deepest = failure;
		while (deepest.getCause() != null) {
			deepest = deepest.getCause();
		}
		String reason = deepest.getClass().getSimpleName()
				+ ((deepest.getMessage() != null) ? ": " + deepest.getMessage() : "");
		if (password != null) {
			reason = reason.replace(password, "***");
		}
		reason = reason.replaceAll("\\s+", " ").strip();
		return (reason.length() > REASON_LENGTH) ? reason.substring(0, REASON_LENGTH) + "…" : reason;
	}

}
