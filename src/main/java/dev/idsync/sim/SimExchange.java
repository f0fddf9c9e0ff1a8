package dev.idsync.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange of a simulated service: the decoded request, and the means to answer it.
 */
public final class SimExchange {

	private final HttpExchange exchange;

	private final byte[] body;

	private SimExchange(HttpExchange exchange, byte[] body) {
		this.exchange = exchange;
		this.body = body;
	}

	/** Reads the request body of {@code exchange} fully. */
	public static SimExchange of(HttpExchange exchange) {
		try {
			return new SimExchange(exchange, exchange.getRequestBody().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The HTTP method. */
	public String method() {
		return this.exchange.getRequestMethod();
	}

	/** The request path, decoded. */
	public String path() {
		return this.exchange.getRequestURI().getPath();
	}

	/** The first value of a request header, or {@code null}. */
	public @Nullable String header(String name) {
		return this.exchange.getRequestHeaders().getFirst(name);
	}

	/** The raw request body. */
	public byte[] body() {
		return this.body.clone();
	}

	/** The query string's parameters, in order (a key may repeat). */
	public List<Map.Entry<String, String>> query() {
		String raw = this.exchange.getRequestURI().getRawQuery();
		return (raw != null) ? parseForm(raw.getBytes(StandardCharsets.ISO_8859_1)) : List.of();
	}

	/** The first value of query parameter {@code name}, or {@code null}. */
	public @Nullable String queryParam(String name) {
		return first(query(), name);
	}

	/** Answers with {@code status}, {@code contentType} and {@code content}, gzip-compressed when asked and allowed. */
	public void respond(int status, String contentType, byte[] content, Map<String, List<String>> headers,
			boolean gzipAllowed) {
		byte[] payload = content;
		if (gzipAllowed && accepts("gzip") && content.length > 0) {
			payload = gzip(content);
			this.exchange.getResponseHeaders().set("Content-Encoding", "gzip");
		}
		this.exchange.getResponseHeaders().set("Content-Type", contentType);
		headers.forEach((name, values) -> values.forEach((v) -> this.exchange.getResponseHeaders().add(name, v)));
		try {
			this.exchange.sendResponseHeaders(status, (payload.length > 0) ? payload.length : -1);
			try (OutputStream out = this.exchange.getResponseBody()) {
				out.write(payload);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.exchange.close();
		}
	}

	/**
	 * Starts a normal answer, then breaks it: the headers announce the whole body, half of it is sent and the
	 * connection is closed (the {@code truncate} fault).
	 */
	public void respondTruncated(int status, String contentType, byte[] content) {
		respondTruncated(status, contentType, content, Map.of());
	}

	/** A truncated answer carrying {@code headers} (e.g. a service's rate-limit headers) like a normal one. */
	public void respondTruncated(int status, String contentType, byte[] content, Map<String, List<String>> headers) {
		this.exchange.getResponseHeaders().set("Content-Type", contentType);
		headers.forEach((name, values) -> values.forEach((v) -> this.exchange.getResponseHeaders().add(name, v)));
		try {
			this.exchange.sendResponseHeaders(status, content.length);
			OutputStream out = this.exchange.getResponseBody();
			out.write(content, 0, content.length / 2);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			// closing with bytes still owed makes the JDK server drop the connection
			this.exchange.close();
		}
	}

	/** Answers with {@code status} and a plain body, without compression. */
	public void respond(int status, String contentType, String content) {
		respond(status, contentType, content.getBytes(StandardCharsets.UTF_8), Map.of(), false);
	}

	private boolean accepts(String encoding) {
		String accept = header("Accept-Encoding");
		return accept != null && accept.toLowerCase().contains(encoding);
	}

	/**
	 * Parses {@code application/x-www-form-urlencoded} bytes into ordered pairs the way PHP's {@code urldecode()}
	 * does: a malformed escape is kept as it is, never an error.
	 */
	public static List<Map.Entry<String, String>> parseForm(byte[] raw) {
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		for (String part : new String(raw, StandardCharsets.ISO_8859_1).split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int eq = part.indexOf('=');
			String key = (eq < 0) ? part : part.substring(0, eq);
			String value = (eq < 0) ? "" : part.substring(eq + 1);
			pairs.add(Map.entry(urldecode(key), urldecode(value)));
		}
		return pairs;
	}

	/** The first value of {@code name} among {@code pairs}, or {@code null}. */
	public static @Nullable String first(List<Map.Entry<String, String>> pairs, String name) {
		return pairs.stream().filter((e) -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
	}

	/** The pairs as a map, keeping the first value of a repeated key. */
	public static Map<String, String> asMap(List<Map.Entry<String, String>> pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		pairs.forEach((e) -> map.putIfAbsent(e.getKey(), e.getValue()));
		return map;
	}

	private static String urldecode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < raw.length; i++) {
			int hi = (i + 2 < raw.length) ? Character.digit(raw[i + 1], 16) : -1;
			int lo = (i + 2 < raw.length) ? Character.digit(raw[i + 2], 16) : -1;
			if (raw[i] == '%' && hi >= 0 && lo >= 0) {
				bytes.write(hi * 16 + lo);
				i += 2;
			}
			else {
				bytes.write((raw[i] == '+') ? ' ' : raw[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
