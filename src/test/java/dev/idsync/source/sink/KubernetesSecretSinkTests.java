package dev.idsync.source.sink;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.idsync.rotate.TokenValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes Secret sink against fabric8's mock API server (CRUD mode: it keeps what is written).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSecretSinkTests {

	KubernetesMockServer server;

	private KubernetesClient client;

	/**
	 * The client idsync builds, but speaking HTTP/1.1: the JDK client's plain-text HTTP/2 upgrade gets no answer from
	 * the mock server (a real API server speaks TLS, where HTTP/2 is negotiated).
	 */
	@BeforeEach
	void connect() {
		this.client = new KubernetesClientBuilder().withConfig(this.server.createClient().getConfiguration())
			.withHttpClientFactory(new JdkHttpClientFactory() {

				@Override
				protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
					builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
				}

			})
			.build();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void deliverCreatesTheSecretWhenMissingAndReadsItBack() {
		KubernetesSecretSink sink = new KubernetesSecretSink(this.client, "ci", "phorge-bot", "token");
		TokenValue token = TokenValue.generate();

		assertThat(sink.current()).isEmpty();
		sink.deliver(token);

		Secret secret = this.client.secrets().inNamespace("ci").withName("phorge-bot").get();
		assertThat(secret.getType()).isEqualTo("Opaque");
		assertThat(secret.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "idsync");
		assertThat(decode(secret.getData().get("token"))).isEqualTo(token.reveal());
		assertThat(sink.current()).get().extracting(TokenValue::hash).isEqualTo(token.hash());
		assertThat(sink.name()).isEqualTo("kubernetes secret ci/phorge-bot[token]").doesNotContain(token.reveal());
	}

	@Test
	void deliverReplacesOneKeyAndKeepsTheOthers() {
		this.client.secrets().inNamespace("ci").resource(new SecretBuilder().withNewMetadata().withName("phorge-bot")
			.endMetadata().withType("Opaque").addToData(Map.of("token", encode("api-aaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
					"url", encode("https://phorge.example.com"))).build()).create();
		KubernetesSecretSink sink = new KubernetesSecretSink(this.client, "ci", "phorge-bot", "token");
		TokenValue token = TokenValue.generate();

		sink.deliver(token);

		Map<String, String> data = this.client.secrets().inNamespace("ci").withName("phorge-bot").get().getData();
		assertThat(decode(data.get("token"))).isEqualTo(token.reveal());
		assertThat(decode(data.get("url"))).isEqualTo("https://phorge.example.com");
	}

	private static String encode(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String value) {
		return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
	}

}
