package dev.idsync.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP port of {@code idsync serve} ({@code idsync.management}): health, Prometheus metrics, the latest report
 * and the Backstage catalog.
 *
 * @param address the address it listens on (default 127.0.0.1: this host only)
 * @param port the port (default 9470)
 * @param tokenFile a file holding the bearer token the report and catalog URLs require (they hold personal data);
 * health and metrics need none. Required to listen on any address but loopback
 */
public record ManagementProperties(@DefaultValue("127.0.0.1") String address, @DefaultValue("9470") int port,
		@Nullable Path tokenFile) {

	@ConstructorBinding
	public ManagementProperties {
		if (port < 1 || port > 65535) {
			throw new ConfigException("idsync.management.port: " + port + " is not a port. Use 1 to 65535 (default "
					+ "9470).");
		}
		InetAddress bound;
		try {
			bound = InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new ConfigException("idsync.management.address: '" + address + "' is not an address of this host. "
					+ "Use 127.0.0.1 (default), or 0.0.0.0 with idsync.management.token-file.");
		}
		if (!bound.isLoopbackAddress() && tokenFile == null) {
			throw new ConfigException("idsync.management.address: " + address + " is reachable from other hosts, and "
					+ "the report and catalog URLs serve personal data: set idsync.management.token-file to a file "
					+ "holding a bearer token (mode 0600), or keep the default address 127.0.0.1.");
		}
	}

	/** Loopback only, on the default port. */
	public static ManagementProperties defaults() {
		return new ManagementProperties("127.0.0.1", 9470, null);
	}

}
