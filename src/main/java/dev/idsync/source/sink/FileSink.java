package dev.idsync.source.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import dev.idsync.rotate.SecretSink;
import dev.idsync.rotate.TokenValue;

/**
 * Delivers a token to a file: written to a sibling created with mode 0600, synced, then renamed over the file, so a
 * reader sees the old token or the new one, never half of one, and nobody else can read it at any moment.
 */
public final class FileSink implements SecretSink {

	private final Path file;

	public FileSink(Path file) {
		this.file = file.toAbsolutePath();
	}

	@Override
	public String name() {
		return "file " + this.file;
	}

	@Override
	public void deliver(TokenValue token) {
		Path dir = this.file.getParent();
		Path partial = dir.resolve("." + this.file.getFileName() + ".partial");
		try {
			Files.deleteIfExists(partial);
			Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				channel.write(StandardCharsets.UTF_8.encode(token.reveal() + "\n"));
				channel.force(true);
			}
			Files.move(partial, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the token to " + this.file + ": " + ex.getClass().getSimpleName()
					+ " " + ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<TokenValue> current() {
		try {
			if (!Files.exists(this.file)) {
				return Optional.empty();
			}
			return Optional.of(TokenValue.of(Files.readString(this.file, StandardCharsets.UTF_8)));
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
