package dev.idsync.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A simulated service on the loopback interface: the simulator never listens on any other address. Subclasses call
 * {@link #start()} at the end of their constructor, once their own fields are set.
 */
public abstract class SimServer implements AutoCloseable {

	static {
		// The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
		// ACKs add about 40 ms to every loopback request. Read once, when the server classes first load.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService executor;

	/**
	 * Binds the server without serving yet.
	 * @param port the port, or 0 for an ephemeral one
	 * @param threads how many requests are served at once
	 */
	protected SimServer(int port, int threads) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
		}
		this.executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, getClass().getSimpleName());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> {
			SimExchange request = SimExchange.of(exchange);
			try {
				handle(request);
			}
			catch (RuntimeException ex) {
				request.respond(500, "text/plain; charset=utf-8", "simulator error: " + ex);
			}
		});
	}

	/** Starts serving: the last statement of a subclass's constructor. */
	protected final void start() {
		this.server.start();
	}

	/** Serves one request; every path of the server arrives here. */
	protected abstract void handle(SimExchange exchange);

	/** The base URL, e.g. {@code http://127.0.0.1:43121}, without a trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** The bound port. */
	public int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
