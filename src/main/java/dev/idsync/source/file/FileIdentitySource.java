package dev.idsync.source.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.FileSourceProperties;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Page;
import dev.idsync.source.SourceException;

/**
 * The people of a CSV or JSON-lines file, read page by page without holding the file in memory: the cursor is the
 * byte offset and line number of the next record, plus the file's version so a file replaced mid-read fails the read
 * instead of mixing two exports. Records that yield no person become the page's problems, one line each.
 */
public final class FileIdentitySource implements IdentitySource {

	static final int PAGE_SIZE = 1000;

	private final FileSourceProperties properties;

	private final PersonMapper mapper;

	private final int pageSize;

	private final IdLedger ids = new IdLedger();

	/**
	 * Reads a configured file.
	 * @param properties the file source
	 */
	public FileIdentitySource(FileSourceProperties properties) {
		this(properties, PAGE_SIZE);
	}

	FileIdentitySource(FileSourceProperties properties, int pageSize) {
		this.properties = properties;
		this.mapper = new PersonMapper(properties);
		this.pageSize = pageSize;
	}

	@Override
	public String name() {
		return this.properties.name();
	}

	@Override
	public synchronized Page<SourceIdentity> page(@Nullable String cursor) {
		Cursor.FileStamp stamp = stamp();
		Cursor from = (cursor != null) ? Cursor.parse(name(), cursor) : null;
		if (from != null && !from.stamp().equals(stamp)) {
			throw new SourceException(name(), path() + " changed while it was being read; run again once the export "
					+ "that writes it has finished (write to a temporary file and rename it to avoid this)", null);
		}
		try {
			prepareIds(from, stamp);
			return read(from, stamp);
		}
		catch (IOException ex) {
			throw new SourceException(name(), "cannot read " + path() + ": " + ex.getMessage(), ex);
		}
	}

	private Page<SourceIdentity> read(@Nullable Cursor from, Cursor.FileStamp stamp) throws IOException {
		List<SourceIdentity> items = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (RowReader rows = open(from)) {
			if (readPage(rows, items, problems) == 0 && from == null) {
				throw new SourceException(name(), path() + " holds no rows; an empty export would make everyone look "
						+ "like a leaver. Check the export that writes it.", null);
			}
			this.ids.scanned(rows.offset());
			String next = rows.atEnd() ? null : new Cursor(rows.offset(), rows.line(), stamp).text();
			return new Page<>(items, next, 0, 0, problems);
		}
	}

	/** Reads up to a page of records into people and problems, and says how many records it read. */
	private int readPage(RowReader rows, List<SourceIdentity> items, List<String> problems) throws IOException {
		int read = 0;
		Row row;
		while (read < this.pageSize && (row = rows.next()) != null) {
			read++;
			Outcome outcome = outcome(row);
			if (outcome instanceof FilePerson person) {
				items.add(person.identity(name()));
			}
			else {
				problems.add(((Problem) outcome).report());
			}
		}
		return read;
	}

	private Outcome outcome(Row row) {
		if (row instanceof Row.Values values) {
			String id = this.mapper.id(values);
			int firstLine = (id != null) ? this.ids.firstLine(id, values.line()) : values.line();
			return this.mapper.map(values, firstLine);
		}
		return (Problem) row;
	}

	/**
	 * Makes sure every id before the page is known, to report duplicates across pages. A read normally goes page
	 * after page with the ids at hand; an instance resuming someone else's read first learns the ids before the cursor.
	 */
	private void prepareIds(@Nullable Cursor from, Cursor.FileStamp stamp) throws IOException {
		if (from != null && this.ids.covers(from)) {
			return;
		}
		this.ids.restart(stamp);
		if (from == null) {
			return;
		}
		try (RowReader rows = open(null)) {
			for (Row row = rows.next(); row != null && row.line() < from.line(); row = rows.next()) {
				String id = (row instanceof Row.Values values) ? this.mapper.id(values) : null;
				if (id != null) {
					this.ids.firstLine(id, row.line());
				}
			}
		}
		this.ids.scanned(from.offset());
	}

	private RowReader open(@Nullable Cursor from) throws IOException {
		LineReader lines = LineReader.open(path(), this.properties.charset(), 0, 1);
		RowFormat format;
		try {
			format = this.properties.format().equals(FileSourceProperties.CSV)
					? CsvFormat.open(this.properties, lines) : new JsonFormat();
		}
		catch (IOException | RuntimeException ex) {
			lines.close();
			throw ex;
		}
		if (from != null) {
			lines.close();
			lines = LineReader.open(path(), this.properties.charset(), from.offset(), from.line());
		}
		return new RowReader(lines, format);
	}

	private Cursor.FileStamp stamp() {
		Path path = path();
		if (Files.isDirectory(path)) {
			throw new SourceException(name(), path + " is a directory; set idsync.files[].path to the export file",
					null);
		}
		if (!Files.exists(path)) {
			throw new SourceException(name(), path + " does not exist; check idsync.files[].path and the export that "
					+ "writes it", null);
		}
		if (!Files.isReadable(path)) {
			throw new SourceException(name(), path + " is not readable; give the user idsync runs as read access",
					null);
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return new Cursor.FileStamp(attributes.lastModifiedTime().toMillis(), attributes.size());
		}
		catch (IOException ex) {
			throw new SourceException(name(), "cannot read " + path + ": " + ex.getMessage(), ex);
		}
	}

	private Path path() {
		return this.properties.path();
	}

}
