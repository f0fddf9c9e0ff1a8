package dev.idsync.reconcile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.idsync.domain.Exemption;
import dev.idsync.domain.ManualMapping;

/**
 * Parses the admin-maintained CSV files: manual mappings ({@code username,identity,added_by,reason}) and exemptions
 * ({@code username,owner,reason,expires}). Each needs its header line; fields may be quoted ({@code "a, b"}, with
 * {@code ""} for a quote); blank lines and lines starting with {@code #} are skipped. Any bad line fails the whole
 * file with its line number and the fix: a half-read exemptions file could expose an account it meant to protect.
 */
public final class ReconcileFiles {

	/** The mappings file's header. */
	public static final List<String> MAPPING_COLUMNS = List.of("username", "identity", "added_by", "reason");

	/** The exemptions file's header. */
	public static final List<String> EXEMPTION_COLUMNS = List.of("username", "owner", "reason", "expires");

	private ReconcileFiles() {
	}

	/**
	 * Parses a mappings file.
	 * @param name the file's name, for messages and evidence
	 * @param text its content
	 * @return the mappings, in file order
	 * @throws IllegalArgumentException naming the line and the fix
	 */
	public static List<ManualMapping> mappings(String name, String text) {
		List<ManualMapping> mappings = new ArrayList<>();
		for (Line line : lines(name, text, MAPPING_COLUMNS)) {
			String username = required(name, line, 0, "username");
			String identity = required(name, line, 1, "identity");
			if (!identity.contains("@") && (identity.indexOf(':') <= 0 || identity.endsWith(":"))) {
				throw new IllegalArgumentException(name + " line " + line.number() + ": identity '" + identity
						+ "' is neither an email address nor source:id (e.g. alice@example.com or okta:00u1abc).");
			}
			mappings.add(new ManualMapping(username, identity.contains("@") ? identity.toLowerCase(Locale.ROOT)
					: identity, required(name, line, 2, "added_by"), required(name, line, 3, "reason"),
					name + ":" + line.number()));
		}
		return mappings;
	}

	/**
	 * Parses an exemptions file. Every exemption expires: an account that must never be touched belongs in
	 * {@code idsync.reconcile.protected-accounts}.
	 * @param name the file's name, for messages and evidence
	 * @param text its content
	 * @return the exemptions, in file order
	 * @throws IllegalArgumentException naming the line and the fix
	 */
	public static List<Exemption> exemptions(String name, String text) {
		List<Exemption> exemptions = new ArrayList<>();
		for (Line line : lines(name, text, EXEMPTION_COLUMNS)) {
			String username = required(name, line, 0, "username");
			String expires = required(name, line, 3, "expires");
			LocalDate day;
			try {
				day = LocalDate.parse(expires);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(name + " line " + line.number() + ": expires '" + expires
						+ "' is not a date: use YYYY-MM-DD (the last day the exemption holds, UTC).");
			}
			exemptions.add(new Exemption(username, required(name, line, 1, "owner"), required(name, line, 2, "reason"),
					day, name + ":" + line.number()));
		}
		return exemptions;
	}

	private static String required(String name, Line line, int index, String column) {
		String value = (index < line.fields().size()) ? line.fields().get(index).trim() : "";
		if (value.isEmpty()) {
			throw new IllegalArgumentException(name + " line " + line.number() + ": " + column + " is empty; every "
					+ "line needs all of its columns.");
		}
		return value;
	}

	private static List<Line> lines(String name, String text, List<String> header) {
		List<Line> lines = new ArrayList<>();
		boolean headerSeen = false;
		int number = 0;
		for (String raw : text.split("\r?\n", -1)) {
			number++;
			if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
				continue;
			}
			List<String> fields = fields(name, number, raw);
			if (!headerSeen) {
				List<String> got = fields.stream().map((f) -> f.trim().toLowerCase(Locale.ROOT)).toList();
				if (!got.equals(header)) {
					throw new IllegalArgumentException(name + " line " + number + ": the header must be "
							+ String.join(",", header) + " (found " + String.join(",", got) + ").");
				}
				headerSeen = true;
				continue;
			}
			if (fields.size() != header.size()) {
				throw new IllegalArgumentException(name + " line " + number + ": " + fields.size() + " columns, "
						+ "expected " + header.size() + " (" + String.join(",", header) + "); quote a field that "
						+ "holds a comma.");
			}
			lines.add(new Line(number, fields));
		}
		if (!headerSeen) {
			throw new IllegalArgumentException(name + " has no header line: start it with " + String.join(",", header)
					+ " (a header alone is an empty file).");
		}
		return lines;
	}

	private static List<String> fields(String name, int number, String raw) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				quoted = true;
				field.setLength(0);
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException(name + " line " + number + ": a quoted field is not closed.");
		}
		fields.add(field.toString());
		return fields;
	}

	/** One data line: its number and fields. */
	private record Line(int number, List<String> fields) {
	}

}
