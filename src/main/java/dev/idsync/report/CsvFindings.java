package dev.idsync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;

/**
 * Renders {@code findings.csv}: one row per finding under stable columns, RFC 4180 (CRLF, quoted where needed), UTF-8
 * with a byte-order mark so that Excel reads it as UTF-8, and safe to open: a cell that a spreadsheet would take for a
 * formula is prefixed with an apostrophe.
 */
public final class CsvFindings {

	/** The columns, in order: part of the format, only ever appended to. */
	public static final List<String> COLUMNS = List.of("category", "severity", "kind", "username", "phid", "identity",
			"since_last", "first_seen", "runs_seen", "matched_by", "confidence", "rule", "evidence");

	private static final String BOM = "\uFEFF";

	private static final String FACT_SEPARATOR = " | ";

	/**
	 * Writes the findings.
	 * @param findings the findings, streamed
	 * @param out where to write (not closed)
	 */
	public void write(Iterator<Finding> findings, Writer out) {
		try {
			out.write(BOM);
			row(out, COLUMNS);
			while (findings.hasNext()) {
				row(out, cells(findings.next()));
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> cells(Finding finding) {
		FindingHistory history = finding.history();
		return List.of(finding.category().name(), finding.category().severity().name(),
				finding.category().kind().name(), text(finding.username()), text(finding.phid()),
				text(finding.identity()),
				(history != null) ? history.sinceLast().name() : "",
				(history != null) ? history.firstSeen().toString() : "",
				(history != null) ? String.valueOf(history.runsSeen()) : "",
				(finding.matchedBy() != null) ? finding.matchedBy().name() : "",
				(finding.confidence() != null) ? finding.confidence().name() : "", finding.rule(),
				String.join(FACT_SEPARATOR, finding.evidence()));
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static void row(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(cells.get(i)));
		}
		out.write("\r\n");
	}

	/** A cell as RFC 4180 wants it, defused: Excel and LibreOffice run a cell starting with = + - @ as a formula. */
	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0 || !safe.equals(safe.strip());
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
