package dev.idsync.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import dev.idsync.config.StoreProperties;

/**
 * A small file beside an H2 store that only the user idsync runs as may read (mode 0600), replaced atomically so that
 * a reader never sees half of it: who holds the run lock, where the store is served.
 */
final class PrivateFile {

	private PrivateFile() {
	}

	/** Writes {@code key=value} lines, replacing the file at once. */
	static void write(Path file, String comment, Map<String, String> entries) throws IOException {
		StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
		entries.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		Path next = file.resolveSibling(file.getFileName() + ".next");
		Files.deleteIfExists(next);
		Files.write(Files.createFile(next, ownerOnly()), text.toString().getBytes(StandardCharsets.UTF_8));
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** What the file says, if it exists and can be read. */
	static Optional<Properties> read(Path file) {
		try {
			Properties read = new Properties();
			read.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
			return read.isEmpty() ? Optional.empty() : Optional.of(read);
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Mode 0600 where the file system knows modes. */
	static FileAttribute<?>[] ownerOnly() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
						"rw-------")) } : new FileAttribute<?>[0];
	}

	/** The file beside an H2 store's database file: {@code idsync.mv.db} → {@code idsync.<suffix>}. */
	static Path beside(StoreProperties store, String suffix) {
		Path database = store.h2Path().toAbsolutePath().normalize();
		return database.resolveSibling(database.getFileName() + "." + suffix);
	}

}
