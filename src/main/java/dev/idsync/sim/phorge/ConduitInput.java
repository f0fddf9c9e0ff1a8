package dev.idsync.sim.phorge;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A call's decoded input, read the way {@code PhabricatorConduitAPIController::decodeConduitParams()} reads it.
 *
 * @param metadata the {@code __conduit__} dictionary (or the {@code api.*} and reserved fields), holding the token
 * @param params the method's parameters
 * @param strict whether values carry JSON types; plain form fields are strings and are coerced
 */
record ConduitInput(Map<String, @Nullable Object> metadata, Map<String, @Nullable Object> params, boolean strict) {

	private static final Set<String> RESERVED = Set.of("access_token", "scope", "output", "__conduit__", "code",
			"params");

	/**
	 * Decodes the request data of a call to {@code method}: console-style {@code params[key]=<json>} fields first,
	 * else a {@code params=<json object>} field, else plain fields.
	 */
	static ConduitInput decode(String method, @Nullable String contentType, Map<String, @Nullable Object> data) {
		if ("application/json".equals(contentType)) {
			throw ConduitError.core("Use form-encoded data to submit parameters to Conduit endpoints. Sending a "
					+ "JSON-encoded body and setting 'Content-Type': 'application/json' is not currently supported.");
		}
		Object params = data.get("params");
		if (params instanceof Map<?, ?> console) {
			return console(PhpValues.entries(console));
		}
		if (params instanceof String json && !json.isEmpty()) {
			return json(method, json);
		}
		return plain(data);
	}

	private static ConduitInput console(Map<String, @Nullable Object> fields) {
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		fields.forEach((key, raw) -> params.put(key, consoleValue(key, raw)));
		return withMetadata(params);
	}

	private static @Nullable Object consoleValue(String key, @Nullable Object raw) {
		String value = PhpValues.string(raw);
		if (value.isEmpty()) {
			return null;
		}
		Object decoded = null;
		try {
			decoded = PhpJson.decode(value);
		}
		catch (IllegalArgumentException ex) {
			decoded = null;
		}
		if (decoded == null && !value.toLowerCase(Locale.ROOT).equals("null")) {
			throw ConduitError.core("The value for parameter '" + key + "' is not valid JSON. All parameters must be "
					+ "encoded as JSON values, including strings (which means you need to surround them in double "
					+ "quotes). Check your syntax. Value was: " + value + ".");
		}
		return decoded;
	}

	private static ConduitInput json(String method, String json) {
		Object decoded;
		try {
			decoded = PhpJson.decode(json);
		}
		catch (IllegalArgumentException ex) {
			decoded = null;
		}
		if (!PhpValues.isArray(decoded)) {
			throw ConduitError.core("Invalid parameter information was passed to method '" + method + "'.");
		}
		return withMetadata(PhpValues.entries(decoded));
	}

	private static ConduitInput withMetadata(Map<String, @Nullable Object> params) {
		Object metadata = params.remove("__conduit__");
		return new ConduitInput(PhpValues.entries(metadata), params, true);
	}

	private static ConduitInput plain(Map<String, @Nullable Object> data) {
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		data.forEach((key, value) -> {
			if (key.startsWith("__")) {
				return;
			}
			String metaKey = metadataKey(key);
			if (metaKey != null) {
				metadata.put(metaKey, value);
			}
			else {
				params.put(key, value);
			}
		});
		return new ConduitInput(metadata, params, false);
	}

	/** Phorge's {@code ConduitAPIMethod::getParameterMetadataKey()}. */
	private static @Nullable String metadataKey(String key) {
		if (key.startsWith("api.")) {
			return key.substring(4);
		}
		return RESERVED.contains(key) ? key : null;
	}

}
