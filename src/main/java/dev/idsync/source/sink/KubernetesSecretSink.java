package dev.idsync.source.sink;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import dev.idsync.rotate.SecretSink;
import dev.idsync.rotate.TokenValue;

/**
 * Delivers a token to one key of a Kubernetes Secret (created, type Opaque, when missing; other keys kept), through
 * the fabric8 client and the cluster credentials it finds (in-cluster service account, or kubeconfig).
 */
public final class KubernetesSecretSink implements SecretSink {

	private final KubernetesClient client;

	private final String namespace;

	private final String secret;

	private final String key;

	public KubernetesSecretSink(KubernetesClient client, String namespace, String secret, String key) {
		this.client = client;
		this.namespace = namespace;
		this.secret = secret;
		this.key = key;
	}

	@Override
	public String name() {
		return "kubernetes secret " + this.namespace + "/" + this.secret + "[" + this.key + "]";
	}

	@Override
	public void deliver(TokenValue token) {
		String encoded = Base64.getEncoder().encodeToString(token.reveal().getBytes(StandardCharsets.UTF_8));
		try {
			Secret existing = this.client.secrets().inNamespace(this.namespace).withName(this.secret).get();
			if (existing == null) {
				this.client.secrets().inNamespace(this.namespace).resource(new SecretBuilder().withNewMetadata()
					.withName(this.secret).addToLabels("app.kubernetes.io/managed-by", "idsync").endMetadata()
					.withType("Opaque").addToData(this.key, encoded).build()).create();
				return;
			}
			Map<String, String> data = new LinkedHashMap<>((existing.getData() != null) ? existing.getData() : Map.of());
			data.put(this.key, encoded);
			existing.setData(data);
			this.client.secrets().inNamespace(this.namespace).resource(existing).update();
		}
		catch (KubernetesClientException ex) {
			throw new IllegalStateException("cannot write " + name() + ": HTTP " + ex.getCode() + " "
					+ ((ex.getStatus() != null) ? ex.getStatus().getMessage() : ex.getClass().getSimpleName()), ex);
		}
	}

	@Override
	public Optional<TokenValue> current() {
		try {
			Secret existing = this.client.secrets().inNamespace(this.namespace).withName(this.secret).get();
			if (existing == null || existing.getData() == null || !existing.getData().containsKey(this.key)) {
				return Optional.empty();
			}
			return Optional.of(TokenValue.of(new String(Base64.getDecoder().decode(existing.getData().get(this.key)),
					StandardCharsets.UTF_8)));
		}
		catch (KubernetesClientException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
