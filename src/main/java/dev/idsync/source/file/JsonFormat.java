package dev.idsync.source.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON lines: one object a line, its values found by key or by JSON Pointer ({@code /profile/email}).
 */
final class JsonFormat implements RowFormat {

	// a line holding two objects, or a key given twice, is ambiguous: report it rather than guess
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	@Override
	public @Nullable Row read(LineReader lines) throws IOException {
		LineReader.Line line = lines.nextNonBlank();
		if (line == null) {
			return null;
		}
		if (line.malformed()) {
			return new Problem(line.number(), lines.undecodable());
		}
		return parse(line);
	}

	private Row parse(LineReader.Line line) {
		JsonNode node;
		try {
			node = MAPPER.readTree(line.text());
		}
		catch (JacksonException ex) {
			return invalid(line.number(), ex);
		}
		if (!node.isObject()) {
			return new Problem(line.number(), "holds a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
					+ ", not an object; each line must hold one JSON object");
		}
		return new JsonRow(line.number(), node);
	}

	private static Problem invalid(int line, JacksonException ex) {
		String column = (ex.getLocation() != null) ? " at column " + ex.getLocation().getColumnNr() : "";
		String reason = ex.getOriginalMessage().lines().findFirst().orElse("");
		return new Problem(line, "is not valid JSON" + column + " (" + reason + "); each line must hold one JSON "
				+ "object");
	}

	/** One JSON object whose values are looked up by key, or by JSON Pointer when the column starts with '/'. */
	private record JsonRow(int line, JsonNode object) implements Row.Values {

		@Override
		public @Nullable String text(String column) {
			JsonNode value = value(column);
			if (value == null) {
				return null;
			}
			return value.isValueNode() ? value.asString() : value.toString();
		}

		@Override
		public List<String> list(String column) {
			JsonNode value = value(column);
			if (value == null || !value.isArray()) {
				return Row.Values.super.list(column);
			}
			List<String> entries = new ArrayList<>();
			for (JsonNode entry : value.values()) {
				String text = entry.isValueNode() ? entry.asString().trim() : entry.toString();
				if (!entry.isNull() && !text.isEmpty()) {
					entries.add(text);
				}
			}
			return entries;
		}

		private @Nullable JsonNode value(String column) {
			JsonNode value = column.startsWith("/") ? this.object.at(column) : this.object.get(column);
			return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
		}

	}

}
