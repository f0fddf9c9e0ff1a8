package dev.idsync.sim.phorge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConduitGzipTests {

	private final ConduitSimServer server = new ConduitSimServer(ReferenceInstance.directory(),
			Clock.fixed(Instant.ofEpochSecond(ReferenceInstance.NOW), ZoneOffset.UTC), 0, null);

	private final ConduitTestClient client = new ConduitTestClient(this.server.baseUrl());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void responseWhenClientAcceptsGzipIsCompressedAndDecodesToTheSameJson() throws IOException {
		HttpResponse<byte[]> plain = this.client.send(search(false), HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> gzipped = this.client.send(search(true), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(gzipped.headers().firstValue("X-Conduit-Capabilities")).hasValue("gzip");
		assertThat(gzipped.body()).isNotEqualTo(plain.body());
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo(new String(plain.body(), StandardCharsets.UTF_8))
				.startsWith("{\"result\":{\"data\":[{\"id\":24,");
		}
	}

	@Test
	void imageAndProfileUrlsUseTheServersOwnBaseUrlWhenNoPublicOneIsGiven() {
		String body = this.client.post("user.whoami", java.util.List.of(java.util.Map.entry("api.token",
				ReferenceInstance.ADMIN_TOKEN)));
		assertThat(body).contains("\"uri\":\"" + this.server.baseUrl().replace("/", "\\/") + "\\/p\\/admin\\/\"");
	}

	private HttpRequest search(boolean gzip) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/api/user.search"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("api.token=" + ReferenceInstance.ADMIN_TOKEN));
		if (gzip) {
			builder.header("Accept-Encoding", "gzip");
		}
		return builder.build();
	}

}
