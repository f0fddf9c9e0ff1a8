package dev.idsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;

import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;

/**
 * The formats of a run's report, each with the file it is written to in the run's report folder.
 */
public enum ReportFormat {

	/** {@code report.html}: the page admins read. */
	HTML("report.html"),

	/** {@code report.md}: a short summary for a chat message or a ticket. */
	MD("report.md"),

	/** {@code report.json}: everything, documented by {@code report.schema.json}. */
	JSON("report.json"),

	/** {@code findings.csv}: one row per finding, for a spreadsheet. */
	CSV("findings.csv");

	private final String fileName;

	ReportFormat(String fileName) {
		this.fileName = fileName;
	}

	/** The file this format is written to in the report folder. */
	public String fileName() {
		return this.fileName;
	}

	/**
	 * The format with this name, case-insensitively ({@code html}, {@code md}, {@code json}, {@code csv}).
	 * @throws IllegalArgumentException when there is none
	 */
	public static ReportFormat named(String name) {
		for (ReportFormat format : values()) {
			if (format.name().equalsIgnoreCase(name.trim())) {
				return format;
			}
		}
		throw new IllegalArgumentException("'" + name + "' is not a report format. Use html, md, json or csv.");
	}

	/**
	 * Renders a run in this format, as UTF-8.
	 * @param run the run
	 * @param out where to write (flushed, not closed)
	 */
	public void render(RecordedRun run, OutputStream out) {
		render(run, new OutputStreamWriter(out, StandardCharsets.UTF_8));
	}

	/**
	 * Renders a run in this format.
	 * @param run the run
	 * @param out where to write (flushed, not closed)
	 */
	public void render(RecordedRun run, Writer out) {
		switch (this) {
			case HTML -> new HtmlReport().write(run, out);
			case MD -> markdown(run, out);
			case JSON -> json(run, out);
			case CSV -> csv(run, out);
		}
	}

	private static void markdown(RecordedRun run, Writer out) {
		try {
			out.write(new MarkdownSummary().render(run.summary()));
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void json(RecordedRun run, Writer out) {
		try (Stream<Finding> findings = run.findings(); Stream<PlannedAction> actions = run.actions();
				Stream<Finding> resolved = run.resolved()) {
			new JsonReport().write(run.summary(), findings.iterator(), actions.iterator(), resolved.iterator(), out);
		}
	}

	private static void csv(RecordedRun run, Writer out) {
		try (Stream<Finding> findings = run.findings()) {
			new CsvFindings().write(findings.iterator(), out);
		}
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
