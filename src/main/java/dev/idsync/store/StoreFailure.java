package dev.idsync.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.idsync.config.StoreProperties;

/**
 * A failure of idsync's own database, in words an admin can act on: a full disk, a server that cannot be reached, a
 * wrong password, a store another process has open. Never the SQL statement or a stack trace.
 */
public final class StoreFailure {

	/** H2's MVStore message for a failed write: {@code Writing to <channel> failed; length N at P}. */
	private static final Pattern H2_WRITE_FAILED = Pattern.compile("Writing to \\S+ failed; length (\\d+)");

	private static final long MIB = 1024 * 1024;

	private StoreFailure() {
	}

	/**
	 * The failure in one line naming {@code idsync.store.url}, if it is a failure of the store.
	 * @param failure what was thrown
	 * @param store the store, or {@code null} when only the property can be named
	 * @return the line, or empty when the failure is not the store's
	 */
	public static Optional<String> describe(Throwable failure, StoreProperties store) {
		List<Path> folders = store.h2() ? List.of(store.h2Path().toAbsolutePath().getParent()) : List.of();
		return cause(failure, folders).map((cause) -> "idsync's store (idsync.store.url " + store.display() + "): " + cause);
	}

	/** The failure in words, without naming the store, if it is a failure of the store. */
	public static Optional<String> describe(Throwable failure) {
		return cause(failure, H2RunLock.heldFolders()).map((cause) -> "idsync's store (idsync.store.url): " + cause);
	}

	/** The cause in words, when the failure came through a database driver (not, say, a report file). */
	private static Optional<String> cause(Throwable failure, List<Path> h2Folders) {
		SQLException sql = null;
		boolean diskFull = false;
		long failedWrite = -1;
		Throwable unreachable = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			diskFull |= (cause instanceof IOException || cause.getClass().getSimpleName().equals("MVStoreException"))
					&& message.contains("No space left on device");
			Matcher write = H2_WRITE_FAILED.matcher(message);
			if (failedWrite < 0 && write.find()) {
				failedWrite = Long.parseLong(write.group(1));
			}
			if (unreachable == null && (cause instanceof ConnectException || cause instanceof UnknownHostException)) {
				unreachable = cause;
			}
			if (sql == null && (cause instanceof SQLException found)) {
				sql = found;
			}
		}
		if (sql instanceof BatchUpdateException batch && batch.getNextException() != null) {
			// PostgreSQL's driver names the batch's statement, values and all, and leaves the server's error to the
			// next exception
			sql = batch.getNextException();
		}
		if (sql == null && !isH2Store(failure)) {
			return Optional.empty();
		}
		// H2 does not always keep the IOException of a failed write as the cause; its message then says only that
		// writing N bytes failed. The disk is full when it has less room than that write needed.
		long needed = failedWrite + MIB;
		diskFull |= failedWrite >= 0 && h2Folders.stream().anyMatch((folder) -> usableSpace(folder) < needed);
		if (diskFull) {
			return Optional.of("the disk that holds it is full (No space left on device). Free space on it, or "
					+ "move the store, then run again; nothing was lost");
		}
		if (unreachable != null) {
			return Optional.of("cannot reach its server (" + unreachable.getClass().getSimpleName() + ": "
					+ unreachable.getMessage() + "). Check the host and port, and that the database server runs");
		}
		return Optional.ofNullable(sql).map(StoreFailure::words);
	}

	private static long usableSpace(Path folder) {
		try {
			return Files.getFileStore(folder).getUsableSpace();
		}
		catch (IOException | RuntimeException ex) {
			return Long.MAX_VALUE;
		}
	}

	/** Whether H2's own storage engine failed (it may throw without a driver exception around it). */
	private static boolean isH2Store(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().startsWith("org.h2.")) {
				return true;
			}
		}
		return false;
	}

	private static String words(SQLException sql) {
		String state = String.valueOf(sql.getSQLState());
		String message = firstLine(sql.getMessage());
		if (sql.getErrorCode() == 90020) {
			return "another process has the H2 file open (an older idsync, or another tool); close it and run again";
		}
		if (state.startsWith("28")) {
			return "the user or password is wrong (idsync.store.username; the password from "
					+ "idsync.store.password-file or idsync.store.password-env): " + message;
		}
		if (state.startsWith("08")) {
			return "cannot reach its server: " + message + ". Check the host and port, and that the server runs";
		}
		if (state.equals("3D000")) {
			return "the database does not exist: " + message + ". Create it, or correct the URL";
		}
		if (state.equals("42501")) {
			return "permission denied: " + message + ". The user needs to create and change tables in its schema";
		}
		if (message.toLowerCase(Locale.ROOT).contains("read only") || message.contains("Permission denied")) {
			return "its file cannot be written: " + message;
		}
		return message;
	}

	/** The first line of a message, cut before any SQL statement H2 appends to it. */
	private static String firstLine(String message) {
		String line = String.valueOf(message).lines().findFirst().orElse("");
		int statement = line.indexOf("; SQL statement:");
		line = (statement >= 0) ? line.substring(0, statement) : line;
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

}
