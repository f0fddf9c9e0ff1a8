package dev.idsync.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks the endpoint URLs idsync talks to: absolute, with a host, and https unless on the loopback interface.
 */
public final class Endpoints {

	private Endpoints() {
	}

	/**
	 * Validates an endpoint URL.
	 * @param property the property's full name, for the message
	 * @param value the configured value
	 * @param example an example of a right value
	 * @return the URL without a trailing slash
	 * @throws ConfigException when the value is missing, malformed, or plain http to a host that is not loopback
	 */
	public static URI require(String property, @Nullable String value, String example) {
		if (value == null || value.isBlank()) {
			throw new ConfigException(property + " is required. Set it to the service's base URL, e.g. " + example
					+ ".");
		}
		URI uri = parse(property, value.trim(), example);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
			throw new ConfigException(property + ": '" + value + "' is not an http(s) URL with a host. Use e.g. "
					+ example + ".");
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			throw new ConfigException(property + ": '" + value + "' uses plain http to a host that is not loopback; "
					+ "credentials would travel in clear text. Use https (plain http is accepted only for 127.0.0.1, "
					+ "::1 and localhost).");
		}
		String text = uri.toString();
		return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
	}

	/** Whether {@code host} names the loopback interface. */
	public static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static URI parse(String property, String value, String example) {
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new ConfigException(property + ": '" + value + "' is not a valid URL (" + ex.getReason()
					+ "). Use e.g. " + example + ".");
		}
	}

}
