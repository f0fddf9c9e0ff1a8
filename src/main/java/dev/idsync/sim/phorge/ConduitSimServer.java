package dev.idsync.sim.phorge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.idsync.sim.FaultKind;
import dev.idsync.sim.Faults;
import dev.idsync.sim.SimExchange;
import dev.idsync.sim.SimServer;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Phorge Conduit API on {@code /api/<method>} (GET and POST), answering from a {@link PhorgeDirectory}
 * byte for byte as the recorded Phorge 2026.27 does: {@code conduit.ping}, {@code conduit.getcapabilities},
 * {@code user.whoami}, {@code user.search}, {@code user.query}, {@code user.edit}, {@code user.disable} and
 * {@code user.enable}. Every answer is HTTP 200 JSON, gzip-compressed when the client accepts it. It counts the
 * calls of each method, for tests and benchmarks that check how many calls a client makes.
 */
public final class ConduitSimServer extends SimServer {

	private static final int THREADS = 16;

	private static final Map<String, List<String>> HEADERS = Map.of("X-Conduit-Capabilities", List.of("gzip"));

	/** What an {@code empty} fault answers: a search that found nobody and has no next page. */
	private static final String EMPTY_SEARCH = "{\"result\":{\"data\":[],\"maps\":{},\"query\":{\"queryKey\":null},"
			+ "\"cursor\":{\"limit\":100,\"after\":null,\"before\":null,\"order\":null}},\"error_code\":null,"
			+ "\"error_info\":null}";

	/**
	 * What a Phabricator from before August 2018 lacks: {@code user.edit} for users, which then replaced the
	 * deprecated {@code user.disable} and {@code user.enable}.
	 */
	public static final Set<String> BEFORE_USER_EDIT = Set.of("user.edit");

	private final ConduitEndpoint endpoint;

	private final Faults faults;

	/** Conduit's methods that change users: {@code conduit-write} faults fail them from the N-th on. */
	private static final Set<String> WRITES = Set.of("user.edit", "user.disable", "user.enable");

	private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

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
		this(directory, clock, port, publicBaseUrl, hostName, Faults.none());
	}

	/**
	 * Starts the server with injected faults on pages of {@code user.search} (source {@code conduit}).
	 * @param directory the instance's users, emails and tokens, which edits change
	 * @param clock the time tokens expire against and edits are stamped with
	 * @param port the port, or 0 for an ephemeral one
	 * @param publicBaseUrl the URL profile and image links start with, or {@code null} for {@link #baseUrl()}
	 * @param hostName what {@code conduit.ping} answers
	 * @param faults the faults to inject
	 */
	public ConduitSimServer(PhorgeDirectory directory, Clock clock, int port, @Nullable String publicBaseUrl,
			String hostName, Faults faults) {
		this(directory, clock, port, publicBaseUrl, hostName, faults, Set.of());
	}

	/**
	 * Starts a server that lacks some methods, as an older Phabricator does (see {@link #BEFORE_USER_EDIT}): it
	 * answers calls to them with Phorge's {@code ERR-CONDUIT-CALL} "Conduit API method … does not exist.".
	 * @param directory the instance's users, emails and tokens, which edits change
	 * @param clock the time tokens expire against and edits are stamped with
	 * @param port the port, or 0 for an ephemeral one
	 * @param publicBaseUrl the URL profile and image links start with, or {@code null} for {@link #baseUrl()}
	 * @param hostName what {@code conduit.ping} answers
	 * @param faults the faults to inject
	 * @param absentMethods the simulated methods this instance lacks
	 */
	public ConduitSimServer(PhorgeDirectory directory, Clock clock, int port, @Nullable String publicBaseUrl,
			String hostName, Faults faults, Set<String> absentMethods) {
		super(port, THREADS);
		this.faults = faults;
		String base = (publicBaseUrl != null) ? publicBaseUrl.replaceAll("/+$", "") : baseUrl();
		this.endpoint = new ConduitEndpoint(directory, clock, base, hostName, Set.copyOf(absentMethods));
		start();
	}

	/**
	 * How many requests arrived for {@code method} (at {@code /api/<method>}, with any answer) since the server
	 * started.
	 */
	public long calls(String method) {
		LongAdder count = this.calls.get(method);
		return (count != null) ? count.sum() : 0;
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
			this.calls.computeIfAbsent(method, (name) -> new LongAdder()).increment();
			answer(exchange, this.endpoint, method);
		}
	}

	private void answer(SimExchange exchange, ConduitEndpoint conduit, String method) {
		List<Map.Entry<String, String>> query = exchange.query();
		String contentType = exchange.header("Content-Type");
		Map<String, @Nullable Object> data = PhpRequestData.of(post(exchange, contentType), query);
		FaultKind fault = WRITES.contains(method)
				? this.faults.takeFrom("conduit-write", this.writes.incrementAndGet()).orElse(null)
				: this.faults.take("conduit", conduit.searchPage(method, contentType, data)).orElse(null);
		if (fault == FaultKind.SLOW) {
			pause();
		}
		else if (fault != null) {
			// only a cut answer has been produced, and the call made (a write then takes effect and its answer is lost)
			misbehave(exchange, fault, () -> conduit.call(method, contentType, data));
			return;
		}
		String body = conduit.call(method, contentType, data);
		exchange.respond(200, "application/json", body.getBytes(StandardCharsets.UTF_8), HEADERS, true);
	}

	/** Phorge's failures as a client sees them: PHP's 500 page, its rate limiter's text, a cut or broken body. */
	private static void misbehave(SimExchange exchange, FaultKind fault, java.util.function.Supplier<String> normal) {
		switch (fault) {
			case HTTP500 -> exchange.respond(500, "text/html; charset=UTF-8",
					"<html><body><h1>Unhandled Exception</h1></body></html>");
			case TRUNCATE -> exchange.respondTruncated(200, "application/json",
					normal.get().getBytes(StandardCharsets.UTF_8));
			case EMPTY -> exchange.respond(200, "application/json", EMPTY_SEARCH.getBytes(StandardCharsets.UTF_8),
					HEADERS, true);
			case BADJSON -> exchange.respond(200, "application/json", "{\"result\":{\"data\":[{\"id\":");
			default -> exchange.respond(429, "text/plain; charset=utf-8",
					"TOO MANY REQUESTS\nYou (\"127.0.0.1\") are issuing too many requests too quickly.\n");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(FaultKind.SLOW_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
