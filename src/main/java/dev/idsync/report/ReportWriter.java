package dev.idsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a run's report folder {@code <dir>/<runId>/} atomically, in every {@link ReportFormat}: the files are
 * written into a hidden sibling folder that is renamed into place, so a reader never sees half a report. Then
 * {@code <dir>/latest} points at it: a symbolic link replaced atomically, or, where the file system has none, a
 * {@code LATEST} file holding the run id.
 */
public final class ReportWriter {

	/** The link to the report folder written last. */
	public static final String LATEST = "latest";

	/** Where symbolic links are not possible: the file naming the report folder written last. */
	public static final String LATEST_FILE = "LATEST";

	/** Partial folders older than this were left by a process that died while writing: any run clears them. */
	private static final Duration LEFT_BEHIND = Duration.ofHours(1);

	/**
	 * Writes the report folder and points {@code latest} at it.
	 * @param dir the report directory
	 * @param run the run
	 * @return the run's report folder
	 */
	public Path write(Path dir, RecordedRun run) {
		return write(dir, run.summary().runId(), run);
	}

	/**
	 * Writes the report folder under a name of its own and points {@code latest} at it. A write that fails leaves
	 * nothing behind (its partial folder is removed); partial folders older runs left are removed first.
	 * @param dir the report directory
	 * @param folder the folder's name, e.g. the run id
	 * @param run the run
	 * @return the run's report folder
	 * @throws UncheckedIOException naming the file that could not be written and why
	 */
	public Path write(Path dir, String folder, RecordedRun run) {
		Path partial = dir.resolve("." + folder + ".partial");
		try {
			Files.createDirectories(dir);
			clearLeftBehind(dir);
			deleteTree(partial);
			Files.createDirectory(partial);
			for (ReportFormat format : ReportFormat.values()) {
				Path file = partial.resolve(format.fileName());
				try (OutputStream out = Files.newOutputStream(file)) {
					format.render(run, out);
				}
				catch (IOException ex) {
					throw new IOException(dir.resolve(folder).resolve(format.fileName()) + ": " + reason(ex), ex);
				}
				catch (UncheckedIOException ex) {
					throw new IOException(dir.resolve(folder).resolve(format.fileName()) + ": " + reason(ex.getCause()),
							ex.getCause());
				}
			}
			Path target = dir.resolve(folder);
			deleteTree(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			pointLatestAt(dir, folder);
			return target;
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("cannot write the report into " + dir + " (idsync.report.dir, "
					+ "--report-dir): " + reason(ex), ex);
		}
	}

	/**
	 * Checks, before a run reads anything, that its report can be written, without creating anything: the directory
	 * is one idsync may write into, or the nearest folder above it that exists is.
	 * @param dir the report directory
	 * @return why it cannot, if it cannot
	 */
	public static Optional<String> unwritable(Path dir) {
		Path absolute = dir.toAbsolutePath().normalize();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		String why = (existing == null) ? "no part of it exists"
				: !Files.isDirectory(existing) ? existing + " is a file, not a directory"
						: !Files.isWritable(existing) ? "permission denied on " + existing : null;
		return Optional.ofNullable(why).map((reason) -> "the report directory " + dir + " cannot be written ("
				+ reason + "): set idsync.report.dir or --report-dir to a folder idsync may create and write");
	}

	/** The cause in words: what the file system said, and of which file. */
	private static String reason(Exception ex) {
		if (ex instanceof NotDirectoryException || (ex instanceof FileSystemException fs && fs.getReason() != null
				&& fs.getReason().contains("Not a directory"))) {
			return notADirectory(Path.of(((FileSystemException) ex).getFile())) + " is a file, not a directory";
		}
		if (ex instanceof AccessDeniedException denied) {
			return "permission denied on " + denied.getFile();
		}
		if (ex instanceof FileAlreadyExistsException exists) {
			return exists.getFile() + " exists and is not a directory";
		}
		if (ex instanceof FileSystemException fs) {
			return fs.getFile() + ": " + fs.getReason();
		}
		return String.valueOf(ex.getMessage());
	}

	/** The part of a path that exists and is no directory: what stops the folders under it from being made. */
	private static Path notADirectory(Path path) {
		for (Path part = path; part != null; part = part.getParent()) {
			if (Files.exists(part) && !Files.isDirectory(part)) {
				return part;
			}
		}
		return path;
	}

	private static void clearLeftBehind(Path dir) throws IOException {
		Instant before = Instant.now().minus(LEFT_BEHIND);
		try (Stream<Path> entries = Files.list(dir)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".") && (name.endsWith(".partial") || name.endsWith(".tmp"))
						&& Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
					deleteTree(entry);
				}
			}
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			deleteTree(path);
		}
		catch (IOException ex) {
			// what cannot be deleted now, the next run's write clears once it is an hour old
		}
	}

	/** Replaces {@code latest} by a link to the run's folder: a new link renamed over the old one, never absent. */
	private static void pointLatestAt(Path dir, String runId) throws IOException {
		Path temporary = dir.resolve("." + LATEST + "." + runId + ".tmp");
		Files.deleteIfExists(temporary);
		try {
			Files.createSymbolicLink(temporary, Path.of(runId));
			Files.move(temporary, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (UnsupportedOperationException | FileSystemException ex) {
			Files.deleteIfExists(temporary);
			Files.writeString(temporary, runId + "\n", StandardCharsets.UTF_8);
			Files.move(temporary, dir.resolve(LATEST_FILE), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
