package dev.idsync.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Writes metrics as a node_exporter textfile: into a hidden {@code .tmp} sibling (which the collector, reading only
 * {@code *.prom}, ignores) that is renamed over the file, so that a scrape sees the old file or the new one, never half
 * of one. The {@code idsync_} metrics of the old file that the new text does not have are kept, as a Pushgateway keeps
 * them.
 */
final class Textfile {

	private Textfile() {
	}

	/**
	 * Writes the file, readable by all (mode 0644) so that node_exporter may read it.
	 * @param file the {@code .prom} file; its folder must exist
	 * @param text the metrics in Prometheus' text format
	 * @throws UncheckedIOException naming the file, when it cannot be written
	 */
	static void write(Path file, String text) {
		Path target = file.toAbsolutePath();
		if (!Files.isDirectory(target.getParent())) {
			throw new UncheckedIOException("cannot write " + file + ": its folder does not exist; create it, or point "
					+ "idsync.metrics.textfile into node_exporter's --collector.textfile.directory",
					new NoSuchFileException(target.getParent().toString()));
		}
		replace(target, text + kept(previous(target), families(text).keySet()));
	}

	private static void replace(Path target, String text) {
		Path partial = null;
		try {
			partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
			readableByAll(partial);
			Files.writeString(partial, text, StandardCharsets.UTF_8);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("cannot write " + target + " (" + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage() + ")", ex);
		}
	}

	/** The families of the old text that the new one does not have: idsync's only, each whole. */
	private static String kept(String previous, Set<String> written) {
		StringBuilder kept = new StringBuilder();
		families(previous).forEach((name, lines) -> {
			if (name.startsWith("idsync_") && !written.contains(name)) {
				kept.append(lines);
			}
		});
		return kept.toString();
	}

	/**
	 * The metric families of a text, each with its lines: a family starts at a {@code # HELP} or {@code # TYPE} line
	 * naming another metric than the one before, as the text format writes them.
	 */
	static Map<String, String> families(String text) {
		Map<String, String> families = new LinkedHashMap<>();
		String current = null;
		for (String line : text.split("\n")) {
			String[] words = line.split(" ", 4);
			if (words.length >= 3 && words[0].equals("#") && (words[1].equals("HELP") || words[1].equals("TYPE"))) {
				current = words[2];
			}
			if (current != null && !line.isBlank()) {
				families.merge(current, line + "\n", String::concat);
			}
		}
		return families;
	}

	private static String previous(Path target) {
		try {
			return Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			// an unreadable old file is replaced whole
			return "";
		}
	}

	private static void readableByAll(Path file) throws IOException {
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}
	}

	private static void deleteQuietly(@Nullable Path partial) {
		try {
			if (partial != null) {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			// a hidden leftover the collector ignores, replaced by the next write
		}
	}

}
