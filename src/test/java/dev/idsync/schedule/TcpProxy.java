package dev.idsync.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test support: a TCP proxy in front of a server, which a test can cut (every connection closed, new ones refused)
 * and restore, as a network or a database outage would.
 */
final class TcpProxy implements AutoCloseable {

	private final int target;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listening;

	TcpProxy(int target) throws IOException {
		this.target = target;
		this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.port = this.listening.getLocalPort();
		accept(this.listening);
	}

	int port() {
		return this.port;
	}

	/** Closes every connection and stops listening: the server cannot be reached. */
	void cut() throws IOException {
		this.listening.close();
		for (Socket socket : this.open) {
			socket.close();
		}
		this.open.clear();
	}

	/** Listens again, on the same port. */
	void restore() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.listening = socket;
		accept(socket);
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private void accept(ServerSocket server) {
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
					this.open.add(client);
					this.open.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException closed) {
					// cut, or the client went away
				}
			}
		}, "tcp-proxy-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private static void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException closed) {
				// one side closed: so does the other
			}
			finally {
				try {
					to.close();
				}
				catch (IOException ignored) {
					// already closed
				}
			}
		}, "tcp-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

}
