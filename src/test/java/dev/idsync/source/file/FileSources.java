package dev.idsync.source.file;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.idsync.config.FileColumns;
import dev.idsync.config.FileSourceProperties;

/**
 * Test support: file sources over the fixtures in {@code src/test/resources/files} or generated files.
 */
final class FileSources {

	static final FileColumns SIMPLE = new FileColumns("id", "email", null, "name", null, null, "status", null, null);

	private FileSources() {
	}

	/** A fixture of {@code src/test/resources/files}. */
	static Path fixture(String name) {
		try {
			return Path.of(FileSources.class.getResource("/files/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A source named {@code hr} over {@code file}, with the defaults. */
	static FileSourceProperties properties(Path file, FileColumns columns) {
		return new FileSourceProperties("hr", file, null, columns, Map.of(), ",", "UTF-8", true);
	}

	/** Writes {@code text} as UTF-8. */
	static Path write(Path file, String text) throws IOException {
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
