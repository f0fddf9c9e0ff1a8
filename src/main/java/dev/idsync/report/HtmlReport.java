package dev.idsync.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory.Change;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.Severity;
import dev.idsync.domain.SourceRead;

/**
 * Renders {@code report.html}: one self-contained file (inline CSS, JavaScript and SVG, nothing fetched) with the
 * headline counts, the trend of the last runs, the safety gates, the sources, the actions and sortable, filterable
 * tables of findings with their evidence. Findings and actions are streamed into the file as table rows, so a report
 * of a hundred thousand findings needs no more memory to write than one of ten.
 */
public final class HtmlReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final String CSS = resource("report.css");

	private static final String SCRIPT = resource("report.js");

	/**
	 * Writes the report.
	 * @param run the run, its findings and actions streamed
	 * @param out where to write (flushed, not closed)
	 */
	public void write(RecordedRun run, Writer out) {
		HtmlOut html = new HtmlOut(out);
		RunSummary summary = run.summary();
		head(html, summary);
		headline(html, summary);
		categories(html, summary);
		trend(html, run);
		gatesAndSources(html, summary);
		try (Stream<PlannedAction> actions = run.actions()) {
			HtmlTables.actions(html, summary, actions.iterator());
		}
		try (Stream<Finding> findings = run.findings()) {
			HtmlTables.findings(html, summary, findings.iterator());
		}
		try (Stream<Finding> resolved = run.resolved()) {
			HtmlTables.resolved(html, summary, resolved.iterator());
		}
		html.raw("</main>\n<footer>Written by idsync ").text(summary.version()).raw(" at ")
			.text(time(summary.finishedAt()))
			.raw(". The same run: <code>report.json</code> (every field, documented by report.schema.json), "
					+ "<code>findings.csv</code>, <code>report.md</code>.</footer>\n<script>")
			.raw(SCRIPT).raw("</script>\n</body>\n</html>\n");
		html.flush();
	}

	private static void head(HtmlOut html, RunSummary summary) {
		html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
				+ "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
				+ "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<title>idsync ")
			.text(summary.runId()).raw(": ").text(MarkdownSummary.headline(summary.exitCode()))
			.raw("</title>\n<style>\n")
			.raw(CSS)
			.raw("</style>\n<noscript><style>table.data:not(.js) tbody tr:nth-child(n+201) { display: table-row; } "
					+ "td.evidence ul { display: block; }</style></noscript>\n</head>\n<body>\n");
	}

	private static void headline(HtmlOut html, RunSummary summary) {
		html.raw("<header>\n<h1>idsync run <code>").text(summary.runId()).raw("</code></h1>\n<p class=\"headline exit-")
			.text(summary.exitCode().code())
			.raw("\" data-count=\"exit\">")
			.text(MarkdownSummary.headline(summary.exitCode()))
			.raw("</p>\n<p class=\"meta\">Mode ")
			.text(summary.mode())
			.raw(" · started ")
			.text(time(summary.startedAt()))
			.raw(" · report written ").text(time(summary.finishedAt())).raw(" · ")
			.text((summary.baselineRun() != null) ? "compared with run " + summary.baselineRun()
					: "first complete run: every finding is new")
			.raw("</p>\n<nav><a href=\"#categories\">Categories</a><a href=\"#trend\">Trend</a><a href=\"#gates\">"
					+ "Safety gates</a><a href=\"#sources\">Sources</a><a href=\"#actions\">Actions</a>"
					+ "<a href=\"#findings\">Findings</a><a href=\"#resolved\">Resolved</a></nav>\n</header>\n"
					+ "<main>\n");
		long human = summary.byStatus().getOrDefault(ActionStatus.FOR_REVIEW, 0L)
				+ summary.byStatus().getOrDefault(ActionStatus.MANUAL, 0L);
		long held = summary.byStatus().getOrDefault(ActionStatus.HELD_GATE, 0L)
				+ summary.byStatus().getOrDefault(ActionStatus.HELD_GRACE, 0L);
		long complete = summary.sources().stream().filter(SourceRead::complete).count();
		html.raw("<section class=\"tiles\" id=\"headline\">\n");
		tile(html, "drift", summary.count(Severity.DRIFT), "DRIFT findings", summary.count(Severity.DRIFT) > 0);
		tile(html, "new", summary.byChange().getOrDefault(Change.NEW, 0L), "new since the last complete run", false);
		tile(html, "resolved", summary.byChange().getOrDefault(Change.RESOLVED, 0L), "resolved since then", false);
		tile(html, "human", human, "actions need a human (review, manual)", false);
		tile(html, "acted", HtmlTables.acting(summary), HtmlTables.actingLabel(summary.mode()), false);
		tile(html, "held", held, "actions held back (gates, grace)", false);
		html.raw("<div class=\"tile").raw((complete < summary.sources().size()) ? " alert" : "")
			.raw("\" data-count=\"sources\"><b>").text(complete).raw("/").text(summary.sources().size())
			.raw("</b><span>sources read completely</span></div>\n</section>\n");
	}

	private static void tile(HtmlOut html, String name, long count, String label, boolean alert) {
		html.raw("<div class=\"tile").raw(alert ? " alert" : "").raw("\" data-count=\"").raw(name).raw("\"><b>")
			.text(count).raw("</b><span>").text(label).raw("</span></div>\n");
	}

	private static void categories(HtmlOut html, RunSummary summary) {
		html.raw("<h2 id=\"categories\">Findings by category</h2>\n<table class=\"categories\"><thead><tr><th>category"
				+ "</th><th>severity</th><th class=\"num\">findings</th><th class=\"num\">new</th><th class=\"num\">"
				+ "persisting</th><th class=\"num\">resolved</th><th>meaning</th></tr></thead><tbody>\n");
		List<Category> shown = Arrays.stream(Category.values())
			.filter((category) -> summary.byCategory().getOrDefault(category, 0L) > 0
					|| summary.change(category, Change.RESOLVED) > 0)
			.sorted(Comparator.comparing(Category::severity).reversed())
			.toList();
		for (Category category : shown) {
			long count = summary.byCategory().getOrDefault(category, 0L);
			html.raw("<tr class=\"pick\" data-category=\"").text(category.name()).raw("\" data-count=\"category-")
				.text(category.name()).raw("\" title=\"Show these findings\"><td><code>").text(category.name())
				.raw("</code></td><td class=\"sev-").text(category.severity()).raw("\">").text(category.severity())
				.raw("</td>").number(count);
			for (Change change : Change.values()) {
				boolean counted = category.severity() != Severity.OK;
				html.raw("<td class=\"num\">").text(counted ? summary.change(category, change) : "–").raw("</td>");
			}
			html.cell(category.description()).raw("</tr>\n");
		}
		if (shown.isEmpty()) {
			html.raw("<tr><td colspan=\"7\">No findings.</td></tr>\n");
		}
		html.raw("</tbody></table>\n<p class=\"note\">New, persisting and resolved count drift and info findings since "
				+ "the last run that read every source completely. Click a category to see its findings.</p>\n");
	}

	private static void trend(HtmlOut html, RecordedRun run) {
		html.raw("<h2 id=\"trend\">The last runs</h2>\n");
		TrendChart.write(run.history(), run.summary().runId(), html);
		html.raw("<p class=\"legend note\">Drift and info findings per run:<span "
				+ "style=\"background:var(--persisting)\"></span>persisting<span style=\"background:var(--new)\">"
				+ "</span>new<span "
				+ "style=\"background:var(--resolved)\"></span>resolved (below the line). Faded: the run did not read "
				+ "every source completely, or did not complete. Hover a bar for its run.</p>\n");
	}

	private static void gatesAndSources(HtmlOut html, RunSummary summary) {
		if (!summary.notes().isEmpty()) {
			html.raw("<h2 id=\"notes\">Credentials and token rotation</h2>\n<ul>\n");
			summary.notes().forEach((note) -> html.raw("<li>").text(note).raw("</li>\n"));
			html.raw("</ul>\n");
		}
		html.raw("<h2 id=\"gates\">Safety gates</h2>\n");
		if (summary.gates().isEmpty()) {
			html.raw("<p class=\"note\">No safety gate was evaluated in this run.</p>\n");
		}
		else {
			html.raw("<table><thead><tr><th>gate</th><th>outcome</th><th>what it saw</th></tr></thead><tbody>\n");
			for (GateResult gate : summary.gates()) {
				html.raw("<tr data-gate=\"").text(gate.gate()).raw("\"><td><code>").text(gate.gate())
					.raw("</code></td><td>").raw(gate.passed() ? "<span class=\"badge good\">passed</span>"
							: "<span class=\"badge bad\">STOPPED the actions</span>")
					.raw("</td>").cell(gate.message()).raw("</tr>\n");
			}
			html.raw("</tbody></table>\n");
		}
		html.raw("<h2 id=\"sources\">Sources</h2>\n<table><thead><tr><th>source</th><th>read</th><th class=\"num\">"
				+ "items</th><th class=\"num\">pages</th><th class=\"num\">retries</th><th class=\"num\">rate-limit "
				+ "waits</th><th class=\"num\">ms</th><th>why incomplete, unreadable rows</th></tr></thead><tbody>\n");
		for (SourceRead read : summary.sources()) {
			html.raw("<tr data-source=\"").text(read.name()).raw("\">").cell(read.name()).raw("<td>")
				.raw(read.complete() ? "<span class=\"badge good\">complete</span>"
						: "<span class=\"badge bad\">INCOMPLETE</span>")
				.raw("</td>").number(read.items()).number(read.pages()).number(read.retries())
				.number(read.rateLimitWaits()).number(read.durationMs()).raw("<td>").text(read.reason());
			HtmlTables.list(html, read.problems());
			html.raw("</td></tr>\n");
		}
		html.raw("</tbody></table>\n");
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	private static String resource(String name) {
		try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The report asset " + name + " is missing from the jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
