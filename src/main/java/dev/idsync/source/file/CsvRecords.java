package dev.idsync.source.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Splits lines into CSV records as RFC 4180 has them: a field may be quoted, a quote inside a quoted field is
 * doubled, and a quoted field may hold line breaks, so one record can span several physical lines. Blank lines
 * between records are skipped.
 */
final class CsvRecords {

	/** A record this long is an unbalanced quote swallowing the file, not a person. */
	static final int MAX_RECORD_CHARS = 1 << 20;

	private CsvRecords() {
	}

	/**
	 * Reads the next record.
	 * @param lines the file, positioned at a record's start
	 * @param delimiter the field delimiter
	 * @return the record, or {@code null} at the end of the file
	 */
	static @Nullable CsvRecord read(LineReader lines, char delimiter) throws IOException {
		LineReader.Line first = lines.nextNonBlank();
		if (first == null) {
			return null;
		}
		Scan scan = new Scan(delimiter);
		boolean malformed = first.malformed();
		scan.line(first.text());
		while (scan.quoted()) {
			LineReader.Line more = lines.next();
			if (more == null) {
				return new CsvRecord(first.number(), List.of(), "a quoted field starts on this line and is never "
						+ "closed; end it with \" (a quote inside a quoted value is written \"\")");
			}
			malformed |= more.malformed();
			scan.lineBreak(first.number());
			scan.line(more.text());
		}
		String problem = malformed ? lines.undecodable() : scan.problem();
		return new CsvRecord(first.number(), scan.finish(), problem);
	}

	/**
	 * One record.
	 *
	 * @param line the 1-based number of the physical line it starts on
	 * @param fields its fields, unquoted
	 * @param problem why the record cannot be trusted, or {@code null}
	 */
	record CsvRecord(int line, List<String> fields, @Nullable String problem) {
	}

	/** The scanner's state within one record. */
	private static final class Scan {

		private final char delimiter;

		private final List<String> fields = new ArrayList<>();

		private final StringBuilder field = new StringBuilder();

		private State state = State.START;

		private @Nullable String problem;

		Scan(char delimiter) {
			this.delimiter = delimiter;
		}

		void line(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (this.state == State.QUOTED && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					this.field.append('"');
					i++;
				}
				else {
					accept(c);
				}
			}
		}

		private void accept(char c) {
			if (this.state == State.QUOTED) {
				if (c == '"') {
					this.state = State.CLOSED;
				}
				else {
					this.field.append(c);
				}
			}
			else if (c == this.delimiter) {
				this.fields.add(this.field.toString());
				this.field.setLength(0);
				this.state = State.START;
			}
			else if (this.state == State.START && c == '"') {
				this.state = State.QUOTED;
			}
			else {
				afterQuote();
				this.field.append(c);
				this.state = State.UNQUOTED;
			}
		}

		private void afterQuote() {
			if (this.state == State.CLOSED && this.problem == null) {
				this.problem = "field " + (this.fields.size() + 1) + " has text after its closing quote; a quote "
						+ "inside a quoted value is written \"\"";
			}
		}

		void lineBreak(int line) throws IOException {
			if (this.field.length() > MAX_RECORD_CHARS) {
				throw new IOException("the record starting on line " + line + " is longer than "
						+ (MAX_RECORD_CHARS >> 20) + " MiB; a quote is probably not closed");
			}
			this.field.append('\n');
		}

		boolean quoted() {
			return this.state == State.QUOTED;
		}

		@Nullable String problem() {
			return this.problem;
		}

		List<String> finish() {
			this.fields.add(this.field.toString());
			return this.fields;
		}

	}

	/** Where the scanner stands within a field. */
	private enum State {

		/** At a field's start: a quote here opens a quoted field. */
		START,

		/** Within an unquoted field: quotes are plain text. */
		UNQUOTED,

		/** Within a quoted field: delimiters and line breaks are text. */
		QUOTED,

		/** After a quoted field's closing quote: only a delimiter or the record's end may follow. */
		CLOSED

	}

}
