package dev.idsync.source.sink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.rotate.TokenValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The file sink: the token replaces the file atomically, readable by its owner only, and no partial file is left.
 */
class FileSinkTests {

	@TempDir
	Path dir;

	@Test
	void deliverReplacesTheFileAtomicallyWithMode0600() throws Exception {
		Path file = Files.writeString(this.dir.resolve("token"), "api-aaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
		FileSink sink = new FileSink(file);
		TokenValue token = TokenValue.generate();

		sink.deliver(token);

		assertThat(Files.readString(file)).isEqualTo(token.reveal() + "\n");
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(sink.current()).get().extracting(TokenValue::hash).isEqualTo(token.hash());
		try (var files = Files.list(this.dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void deliverIntoAMissingDirectoryFailsWithoutTheToken() {
		FileSink sink = new FileSink(this.dir.resolve("missing/token"));
		TokenValue token = TokenValue.generate();

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> sink.deliver(token))
			.withMessageContaining("cannot write the token to").withMessageNotContaining(token.reveal());
		assertThat(sink.current()).isEmpty();
	}

}
