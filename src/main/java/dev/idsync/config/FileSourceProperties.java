package dev.idsync.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.idsync.domain.Lifecycle;

/**
 * One file idsync reads people from ({@code idsync.files[]}): a CSV or JSON-lines export of an HR system or another
 * identity provider.
 *
 * @param name the source's name in reports, e.g. {@code hr}: lower-case letters, digits and {@code -}
 * @param path the file, re-read on every run
 * @param format {@code csv} or {@code jsonl}; by default taken from the file's extension ({@code .csv},
 * {@code .jsonl}, {@code .ndjson})
 * @param columns where the file keeps each of idsync's fields
 * @param statusMap the file's status values mapped to {@code ACTIVE}, {@code PENDING}, {@code SUSPENDED} or
 * {@code DEPROVISIONED}, added to common HR words (active, employed, pending, hired, preboarding, leave, on-leave,
 * suspended, terminated, inactive, left, deprovisioned); compared by their letters and digits only, ignoring case
 * ({@code On Leave}, {@code on_leave} and {@code on-leave} are one value)
 * @param delimiter the CSV field delimiter, one character (a tab is {@code "\t"})
 * @param encoding the file's character set; one whose line break is a single byte (UTF-8, ISO-8859-1,
 * windows-1252, ...). A UTF-8 byte order mark is skipped
 * @param header whether the CSV's first row names the columns; without it {@code columns} are numbers from 1
 */
public record FileSourceProperties(String name, Path path, @Nullable String format, FileColumns columns,
		@DefaultValue Map<String, String> statusMap, @DefaultValue(",") String delimiter,
		@DefaultValue("UTF-8") String encoding, @DefaultValue("true") boolean header) {

	/** The format of comma- (or otherwise) separated values. */
	public static final String CSV = "csv";

	/** The format of one JSON object a line. */
	public static final String JSONL = "jsonl";

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Set<String> RESERVED = Set.of("okta", "google", "phorge");

	private static final Map<String, String> COMMON_STATUSES = Map.ofEntries(Map.entry("active", "ACTIVE"),
			Map.entry("employed", "ACTIVE"), Map.entry("pending", "PENDING"), Map.entry("hired", "PENDING"),
			Map.entry("preboarding", "PENDING"), Map.entry("leave", "SUSPENDED"), Map.entry("on-leave", "SUSPENDED"),
			Map.entry("suspended", "SUSPENDED"), Map.entry("terminated", "DEPROVISIONED"),
			Map.entry("inactive", "DEPROVISIONED"), Map.entry("left", "DEPROVISIONED"),
			Map.entry("deprovisioned", "DEPROVISIONED"));

	public FileSourceProperties {
		name = requireName(name);
		if (path == null || path.toString().isBlank()) { // the binder passes null when the property is missing
			throw new ConfigException(property("path", name) + " is required: set it to the CSV or JSON-lines file "
					+ "to read, e.g. /var/lib/idsync/" + name + ".csv.");
		}
		format = format(name, path, format);
		if (columns == null) {
			throw new ConfigException(property("columns", name) + " is required: map at least columns.id and "
					+ "columns.email to the file's column names (CSV) or keys (JSON).");
		}
		statusMap = statusMap(name, statusMap);
		delimiter = delimiter(name, delimiter);
		encoding = charset(name, encoding).name();
		if (format.equals(CSV) && !header) {
			requireColumnNumbers(name, columns);
		}
		if (format.equals(JSONL)) {
			requireJsonPointers(name, columns);
		}
	}

	/** The file's character set. */
	public Charset charset() {
		return Charset.forName(this.encoding);
	}

	/**
	 * The lifecycle a status value of the file stands for.
	 * @param status a value of the status column, as the file holds it
	 * @return the lifecycle, or {@code null} when {@code status-map} does not know the value
	 */
	public @Nullable Lifecycle lifecycle(String status) {
		String lifecycle = this.statusMap.get(statusKey(status));
		return (lifecycle != null) ? Lifecycle.valueOf(lifecycle) : null;
	}

	private static String property(String property, String name) {
		return "idsync.files[]." + property + " of file source '" + name + "'";
	}

	private static String requireName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new ConfigException("idsync.files[].name is required: the source's name in reports, e.g. hr.");
		}
		if (!name.matches("[a-z0-9-]+")) {
			throw new ConfigException("idsync.files[].name: '" + name + "' may hold only lower-case letters, digits "
					+ "and '-', e.g. hr or workday-export.");
		}
		if (RESERVED.contains(name)) {
			throw new ConfigException("idsync.files[].name: '" + name + "' is the name of a built-in source (okta, "
					+ "google, phorge). Choose another, e.g. " + name + "-export.");
		}
		return name;
	}

	private static String format(String name, Path path, @Nullable String format) {
		if (format != null && !format.isBlank()) {
			String lower = format.trim().toLowerCase(Locale.ROOT);
			if (!lower.equals(CSV) && !lower.equals(JSONL)) {
				throw new ConfigException(property("format", name) + ": '" + format + "' is not supported. Use csv or "
						+ "jsonl (one JSON object a line).");
			}
			return lower;
		}
		String file = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
		if (file.endsWith(".csv")) {
			return CSV;
		}
		if (file.endsWith(".jsonl") || file.endsWith(".ndjson")) {
			return JSONL;
		}
		throw new ConfigException(property("format", name) + " is required: the path " + path + " does not end in "
				+ ".csv, .jsonl or .ndjson. Set format: csv or format: jsonl.");
	}

	private static Map<String, String> statusMap(String name, Map<String, String> configured) {
		Map<String, String> merged = new TreeMap<>();
		COMMON_STATUSES.forEach((status, lifecycle) -> merged.put(statusKey(status), lifecycle));
		configured.forEach((status, lifecycle) -> {
			String key = statusKey(status);
			String value = String.valueOf(lifecycle).trim().toUpperCase(Locale.ROOT);
			if (key.isEmpty()) {
				throw new ConfigException(property("status-map", name) + " has an empty status. Remove the entry.");
			}
			if (Arrays.stream(Lifecycle.values()).noneMatch((known) -> known.name().equals(value))) {
				throw new ConfigException(property("status-map", name) + ": '" + status + "' maps to '" + lifecycle
						+ "', which is not a lifecycle. Use ACTIVE, PENDING, SUSPENDED or DEPROVISIONED.");
			}
			merged.put(key, value);
		});
		return Collections.unmodifiableMap(merged);
	}

	/**
	 * Status values compare by their letters and digits, ignoring case: exports write {@code On Leave},
	 * {@code ON_LEAVE} or {@code on-leave}, and the binder drops spaces and punctuation from map keys not in brackets.
	 */
	private static String statusKey(String status) {
		return NOT_LETTER_OR_DIGIT.matcher(status.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	private static String delimiter(String name, String delimiter) {
		if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
			throw new ConfigException(property("delimiter", name) + ": '" + delimiter + "' is not a delimiter. Use "
					+ "one character other than a quote or a line break, e.g. ',' or ';' (a tab is \"\\t\").");
		}
		return delimiter;
	}

	private static Charset charset(String name, String encoding) {
		Charset charset;
		try {
			charset = Charset.forName(encoding.trim());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new ConfigException(property("encoding", name) + ": '" + encoding + "' is not a character set "
					+ "Java knows. Use e.g. UTF-8, ISO-8859-1 or windows-1252.");
		}
		if (!charset.canEncode() || !Arrays.equals("\n\",;".getBytes(charset), new byte[] { '\n', '"', ',', ';' })) {
			throw new ConfigException(property("encoding", name) + ": " + charset.name() + " is not supported: idsync "
					+ "reads files whose line breaks are single bytes (UTF-8, ISO-8859-1, windows-1252, ...). Convert "
					+ "the file, e.g. iconv -f " + charset.name() + " -t UTF-8.");
		}
		return charset;
	}

	private static void requireJsonPointers(String name, FileColumns columns) {
		columns.mapped().forEach((property, column) -> {
			if (column.startsWith("/") && column.matches(".*~([^01].*)?")) {
				throw new ConfigException(property("columns." + property, name) + ": '" + column + "' is not a JSON "
						+ "Pointer. Within a pointer, write ~0 for ~ and ~1 for /.");
			}
		});
	}

	private static void requireColumnNumbers(String name, FileColumns columns) {
		columns.mapped().forEach((property, column) -> {
			if (!column.matches("[1-9][0-9]{0,5}")) {
				throw new ConfigException(property("columns." + property, name) + ": '" + column + "' is not a "
						+ "column number. With header: false, columns are numbered from 1 (e.g. email: 3).");
			}
		});
	}

}
