package dev.idsync.config;

import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a bot's rotated token is delivered ({@code idsync.bots[].sinks[]}).
 *
 * @param type {@code file} (written atomically, mode 0600) or {@code kubernetes-secret} (one key of a Secret)
 * @param path with {@code file}: the file
 * @param namespace with {@code kubernetes-secret}: the Secret's namespace
 * @param secret with {@code kubernetes-secret}: the Secret's name (created when missing)
 * @param key with {@code kubernetes-secret}: the key whose value is the token
 */
public record SinkProperties(String type, @Nullable Path path, @Nullable String namespace, @Nullable String secret,
		@Nullable String key) {

	/** A file sink. */
	public static final String FILE = "file";

	/** A Kubernetes Secret sink. */
	public static final String KUBERNETES_SECRET = "kubernetes-secret";

	public SinkProperties {
		type = (type == null) ? "" : type.trim().toLowerCase(Locale.ROOT);
		if (type.equals(FILE)) {
			if (path == null) {
				throw new ConfigException("idsync.bots[].sinks[].path is required for a file sink, e.g. "
						+ "/etc/ci/phorge-token.");
			}
		}
		else if (type.equals(KUBERNETES_SECRET)) {
			if (namespace == null || secret == null || key == null) {
				throw new ConfigException("idsync.bots[].sinks[]: a kubernetes-secret sink needs namespace, secret and "
						+ "key, e.g. {type: kubernetes-secret, namespace: ci, secret: phorge-bot, key: token}.");
			}
		}
		else {
			throw new ConfigException("idsync.bots[].sinks[].type: '" + type + "' is not a sink. Use file or "
					+ "kubernetes-secret.");
		}
	}

	/** The sink in a few words, as the journal names it. */
	public String describe() {
		return this.type.equals(FILE) ? "file " + this.path
				: "kubernetes secret " + this.namespace + "/" + this.secret + "[" + this.key + "]";
	}

}
