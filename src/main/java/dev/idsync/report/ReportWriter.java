package dev.idsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
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

	/**
	 * Writes the report folder and points {@code latest} at it.
	 * @param dir the report directory
	 * @param run the run
	 * @return the run's report folder
	 */
	public Path write(Path dir, RecordedRun run) {
		String runId = run.summary().runId();
		try {
			Files.createDirectories(dir);
			Path partial = dir.resolve("." + runId + ".partial");
			deleteTree(partial);
			Files.createDirectory(partial);
			for (ReportFormat format : ReportFormat.values()) {
				try (OutputStream out = Files.newOutputStream(partial.resolve(format.fileName()))) {
					format.render(run, out);
				}
			}
			Path target = dir.resolve(runId);
			deleteTree(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			pointLatestAt(dir, runId);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the report into " + dir + ": " + ex.getMessage(), ex);
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
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
