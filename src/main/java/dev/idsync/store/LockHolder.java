package dev.idsync.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Who holds idsync's store: the one run, or admin command, that may write to the store and to Phorge.
 *
 * @param runId the run it is, or {@code null} for a command that is no run ({@code mapping add}, …)
 * @param command the command, e.g. {@code idsync run}
 * @param host the host it runs on
 * @param pid its process id
 * @param since when it took the store
 */
public record LockHolder(@Nullable String runId, String command, String host, long pid, Instant since) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	/**
	 * This process, about to take the store.
	 * @param runId the run it is, or {@code null}
	 * @param command the command
	 * @param since now
	 * @return the holder
	 */
	public static LockHolder thisProcess(@Nullable String runId, String command, Instant since) {
		return new LockHolder(runId, command, hostName(), ProcessHandle.current().pid(), since);
	}

	/** In a few words: {@code run 20261207T021500Z-ab12 (idsync run, pid 4242 on db1, since …)}. */
	public String describe() {
		return ((this.runId != null) ? "run " + this.runId + " (" + this.command + ", " : "'" + this.command + "' (")
				+ "pid " + this.pid + " on " + this.host + ", since " + TIME.format(this.since) + ")";
	}

	/** Who it is, as an abandoned run records who found it dead: {@code run …} or the command. */
	public String name() {
		return (this.runId != null) ? "run " + this.runId : "'" + this.command + "' (pid " + this.pid + ")";
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return (fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "unknown host";
		}
	}

}
