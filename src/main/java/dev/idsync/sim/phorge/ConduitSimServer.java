package dev.idsync.sim.phorge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.idsync.sim.SimExchange;
import dev.idsync.sim.SimServer;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Phorge Conduit API on {@code /api/<method>} (GET and POST), answering from a {@link PhorgeDirectory}
 * byte for byte as the recorded Phorge 2026.27 does: {@code conduit.ping}, {@code conduit.getcapabilities},
 * {@code user.whoami}, {@code user.search}, {@code user.query}, {@code user.edit}, {@code user.disable} and
 * {@code user.enable}. Every answer is HTTP 200 JSON, gzip-compressed when the client accepts it.
 */
public final class ConduitSimServer extends SimServer {

	private static final int THREADS = 16;

	private static final Map<String, List<String>> HEADERS = Map.of("X-Conduit-Capabilities", List.of("gzip"));

	private final ConduitEndpoint endpoint;

	/**
	 * Starts the server, answering {@code conduit.ping} with {@code vm} (the recorded host name).
	 * @param directory the instance's users, emails and tokens, which edits change
	 * @param clock the time tokens expire against and edits are stamped with
	 * @param port the port, or 0 for an ephemeral one
	 * @param publicBaseUrl the URL profile and image links start with (e.g. {@code http://127.0.0.1:8080}), or
	 * {@code null} for this server's own {@link #baseUrl()}
	 */
	public ConduitSimServer(PhorgeDirectory directory, Clock clock, int port, @Nullable String publicBaseUrl) {
		this(directory, clock, port, publicBaseUrl, "vm");
	}

	/**
	 * Starts the server.
	 * @param directory the instance's users, emails and tokens, which edits change
	 * @param clock the time tokens expire against and edits are stamped with
	 * @param port the port, or 0 for an ephemeral one
	 * @param publicBaseUrl the URL profile and image links start with, or {@code null} for {@link #baseUrl()}
	 * @param hostName what {@code conduit.ping} answers
	 */
	public ConduitSimServer(PhorgeDirectory directory, Clock clock, int port, @Nullable String publicBaseUrl,
			String hostName) {
		super(port, THREADS);
		String base = (publicBaseUrl != null) ? publicBaseUrl.replaceAll("/+$", "") : baseUrl();
		this.endpoint = new ConduitEndpoint(directory, clock, base, hostName);
		start();
	}

	@Override
	protected void handle(SimExchange exchange) {
		String method = methodName(exchange.path());
		if (method == null) {
			exchange.respond(404, "text/plain; charset=utf-8", "Not found: " + exchange.path());
		}
		else if (!exchange.method().equals("GET") && !exchange.method().equals("POST")) {
			exchange.respond(405, "text/plain; charset=utf-8", "Method not allowed: " + exchange.method());
		}
		else {
			answer(exchange, this.endpoint, method);
		}
	}

	private static void answer(SimExchange exchange, ConduitEndpoint conduit, String method) {
		List<Map.Entry<String, String>> query = exchange.query();
		String contentType = exchange.header("Content-Type");
		String body = conduit.call(method, contentType, PhpRequestData.of(post(exchange, contentType), query));
		exchange.respond(200, "application/json", body.getBytes(StandardCharsets.UTF_8), HEADERS, true);
	}

	/** PHP reads a body into {@code $_POST} only for POST requests carrying form data. */
	private static List<Map.Entry<String, String>> post(SimExchange exchange, @Nullable String contentType) {
		boolean form = contentType == null
				|| contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
		return (exchange.method().equals("POST") && form) ? SimExchange.parseForm(exchange.body()) : List.of();
	}

	/** The method of {@code /api/<method>} (a trailing slash is allowed), or {@code null} for other paths. */
	private static @Nullable String methodName(String path) {
		if (!path.startsWith("/api/")) {
			return null;
		}
		String method = path.substring("/api/".length());
		method = method.endsWith("/") ? method.substring(0, method.length() - 1) : method;
		return (method.isEmpty() || method.contains("/")) ? null : method;
	}

}
