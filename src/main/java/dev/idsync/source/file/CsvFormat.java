package dev.idsync.source.file;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.FileSourceProperties;
import dev.idsync.source.SourceException;

/**
 * CSV records, with each configured column found in the header row (or by its number when there is none).
 */
final class CsvFormat implements RowFormat {

	private final char delimiter;

	private final Map<String, Integer> indexes;

	private final int width;

	private final int needed;

	private CsvFormat(char delimiter, Map<String, Integer> indexes, int width) {
		this.delimiter = delimiter;
		this.indexes = Map.copyOf(indexes);
		this.width = width;
		this.needed = indexes.values().stream().mapToInt((index) -> index + 1).max().orElse(0);
	}

	/**
	 * Prepares to read a CSV file, reading its header row when it has one.
	 * @param properties the file source
	 * @param lines the file at its first line
	 * @throws SourceException when the header lacks a configured column
	 */
	static CsvFormat open(FileSourceProperties properties, LineReader lines) throws IOException {
		char delimiter = properties.delimiter().charAt(0);
		Map<String, Integer> indexes = new HashMap<>();
		if (!properties.header()) {
			properties.columns().mapped().values()
				.forEach((column) -> indexes.put(column, Integer.parseInt(column) - 1));
			return new CsvFormat(delimiter, indexes, 0);
		}
		List<String> header = header(properties, CsvRecords.read(lines, delimiter));
		properties.columns().mapped().forEach((property, column) -> {
			indexes.put(column, index(properties, header, property, column));
		});
		return new CsvFormat(delimiter, indexes, header.size());
	}

	@Override
	public @Nullable Row read(LineReader lines) throws IOException {
		CsvRecords.CsvRecord record = CsvRecords.read(lines, this.delimiter);
		if (record == null) {
			return null;
		}
		if (record.problem() != null) {
			return new Problem(record.line(), record.problem());
		}
		int size = record.fields().size();
		if (this.width > 0 && size != this.width) {
			return new Problem(record.line(), columns(size) + " where the header has " + this.width + "; quote "
					+ "values that hold the delimiter '" + this.delimiter + "'");
		}
		if (size < this.needed) {
			return new Problem(record.line(), columns(size) + ", but idsync.files[].columns names column "
					+ this.needed + "; check idsync.files[].delimiter");
		}
		return new CsvRow(record.line(), record.fields(), this.indexes);
	}

	private static String columns(int count) {
		return count + ((count == 1) ? " column" : " columns");
	}

	private static List<String> header(FileSourceProperties properties,
			CsvRecords.@Nullable CsvRecord header) {
		if (header == null) {
			throw new SourceException(properties.name(), properties.path() + " is empty, but idsync.files[].header "
					+ "is true: expected a header row naming the columns " + String.join(", ",
							properties.columns().mapped().values()), null);
		}
		if (header.problem() != null) {
			throw new SourceException(properties.name(), "the header row (line " + header.line() + ") of "
					+ properties.path() + " cannot be read: " + header.problem(), null);
		}
		return header.fields();
	}

	private static int index(FileSourceProperties properties, List<String> header, String property, String column) {
		List<String> keys = header.stream().map(CsvFormat::key).toList();
		int index = keys.indexOf(key(column));
		if (index < 0) {
			throw new SourceException(properties.name(), "the header of " + properties.path() + " has no column '"
					+ column + "' (idsync.files[].columns." + property + "); it has: " + String.join(", ", header)
					+ ". Fix columns." + property + " or the export.", null);
		}
		if (keys.lastIndexOf(key(column)) != index) {
			throw new SourceException(properties.name(), "the header of " + properties.path() + " has the column '"
					+ column + "' (idsync.files[].columns." + property + ") twice; rename one in the export.", null);
		}
		return index;
	}

	/** Header names match ignoring case and surrounding spaces: exports differ in both. */
	private static String key(String column) {
		return column.trim().toLowerCase(Locale.ROOT);
	}

	/** One CSV record whose fields are looked up by configured column name. */
	private record CsvRow(int line, List<String> fields, Map<String, Integer> indexes) implements Row.Values {

		@Override
		public @Nullable String text(String column) {
			Integer index = this.indexes.get(column);
			return (index != null) ? this.fields.get(index) : null;
		}

	}

}
