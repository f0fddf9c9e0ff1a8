package dev.idsync.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Test support: a Phorge whose web server still answers {@code user.whoami} (passed on to the simulator's Conduit)
 * but never answers any other method, as one whose database hangs does; it counts each method's requests.
 */
final class HangingConduit implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final HttpClient forward = HttpClient.newHttpClient();

	private final String conduit;

	private HangingConduit(String conduit) throws IOException {
		this.conduit = conduit;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts it in front of the Conduit at {@code conduit}. */
	static HangingConduit before(String conduit) {
		try {
			return new HangingConduit(conduit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Its URL. */
	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** How many requests of {@code method} (e.g. {@code user.search}) arrived. */
	int requests(String method) {
		return this.requests.getOrDefault(method, new AtomicInteger()).get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestURI().getPath().replaceFirst("^/api/", "");
		this.requests.computeIfAbsent(method, (name) -> new AtomicInteger()).incrementAndGet();
		byte[] body = exchange.getRequestBody().readAllBytes();
		if (!method.equals("user.whoami")) {
			try {
				this.closing.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		try {
			HttpResponse<byte[]> answer = this.forward.send(HttpRequest.newBuilder(URI.create(this.conduit
					+ exchange.getRequestURI().getPath()))
				.header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
