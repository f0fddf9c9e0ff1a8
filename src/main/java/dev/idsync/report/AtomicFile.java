package dev.idsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one file atomically: into a hidden sibling that is renamed over the file, so that a reader sees the old
 * file or the new one, never half of one.
 */
public final class AtomicFile {

	private AtomicFile() {
	}

	/**
	 * Writes the file.
	 * @param target the file; its folder must exist
	 * @param content what to write
	 * @param <T> what writing the content returns, e.g. how many entries
	 * @return what the content returned
	 * @throws UncheckedIOException naming the file, when it cannot be written
	 */
	public static <T> T write(Path target, Content<T> content) {
		Path absolute = target.toAbsolutePath();
		Path partial = null;
		try {
			partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
			T result;
			try (OutputStream out = Files.newOutputStream(partial)) {
				result = content.writeTo(out);
			}
			Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return result;
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path partial) {
		try {
			if (partial != null) {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			// a hidden leftover beside the file, replaced by the next write
		}
	}

	/**
	 * What a file holds, written to a stream (which the content may close: it is closed in any case).
	 *
	 * @param <T> what writing returns
	 */
	@FunctionalInterface
	public interface Content<T> {

		/** Writes the content. */
		T writeTo(OutputStream out) throws IOException;

	}

}
