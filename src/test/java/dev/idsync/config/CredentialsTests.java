package dev.idsync.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialsTests {

	@TempDir
	Path dir;

	@Test
	void resolveReadsFilesFirstThenTheEnvironment() throws IOException {
		Path conduit = Files.writeString(this.dir.resolve("conduit"), "api-" + "c".repeat(28) + "\n");
		Credentials credentials = Credentials.resolve(properties(conduit), Map.of("IDSYNC_OKTA_TOKEN", "00okta"));
		assertThat(credentials.conduit().reveal()).isEqualTo("api-" + "c".repeat(28));
		assertThat(credentials.okta().reveal()).isEqualTo("00okta");
		assertThat(credentials.storePassword().reveal()).isEmpty();
		assertThat(credentials.toString()).doesNotContain("00okta").doesNotContain("cccc");
	}

	@Test
	void resolveWhenNeitherFileNorVariableSaysHowToProvideIt() throws IOException {
		Path conduit = Files.writeString(this.dir.resolve("conduit"), "api-x");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> Credentials.resolve(properties(conduit), Map.of()))
			.withMessage("idsync.okta.token-file is not set and the environment variable IDSYNC_OKTA_TOKEN is "
					+ "empty. Put the credential in a file readable only by idsync and set idsync.okta.token-file "
					+ "to its path, or export IDSYNC_OKTA_TOKEN.");
	}

	@Test
	void resolveWhenFileEmptySaysSo() throws IOException {
		Path conduit = Files.writeString(this.dir.resolve("conduit"), "  \n");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> Credentials.resolve(properties(conduit), Map.of("IDSYNC_OKTA_TOKEN", "00okta")))
			.withMessage("idsync.phorge.token-file: the file " + conduit + " is empty.");
	}

	private static IdsyncProperties properties(Path conduitToken) {
		return new IdsyncProperties(new OktaProperties("https://acme.okta.com", null, "IDSYNC_OKTA_TOKEN"), null,
				new PhorgeProperties("https://p.example.com", conduitToken, "IDSYNC_CONDUIT_TOKEN", 4,
						Duration.ofSeconds(5)),
				new StoreProperties("jdbc:h2:file:./var/x", "sa", null, "IDSYNC_STORE_PASSWORD"),
				new ReportProperties(Path.of("r")), List.of());
	}

}
