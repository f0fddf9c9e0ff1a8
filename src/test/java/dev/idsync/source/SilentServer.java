package dev.idsync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test support: a server that accepts every connection and never answers, as a hung web server or a proxy in front of
 * a dead one does; it counts the connections it accepted.
 */
public final class SilentServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private SilentServer(ServerSocket socket) {
		this.socket = socket;
		Thread acceptor = new Thread(this::accept, "silent-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Starts listening on an ephemeral loopback port. */
	public static SilentServer start() {
		try {
			return new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Its URL, e.g. {@code http://127.0.0.1:41234}. */
	public String url() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	/** How many connections it accepted. */
	public int connections() {
		return this.accepted.size();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				// held open and never written to: the client waits until its own timeout
				this.accepted.add(this.socket.accept());
			}
			catch (IOException ex) {
				// closed: the test is over
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		for (Socket connection : this.accepted) {
			connection.close();
		}
	}

}
