package dev.idsync.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.PlannedAction;

/**
 * The report's long tables, written row by row as the findings and actions stream by: each row carries what the page's
 * filters select on, each sortable cell its sort key.
 */
final class HtmlTables {

	private static final Set<ActionStatus> ACTING = EnumSet.of(ActionStatus.APPLIED, ActionStatus.WOULD_APPLY,
			ActionStatus.PLANNED, ActionStatus.PENDING);

	private HtmlTables() {
	}

	/** How many actions the run applied, planned or would apply. */
	static long acting(RunSummary summary) {
		return ACTING.stream().mapToLong((status) -> summary.byStatus().getOrDefault(status, 0L)).sum();
	}

	/** What the acting actions are called in a mode. */
	static String actingLabel(String mode) {
		if (mode.startsWith("plan")) {
			return "actions planned";
		}
		return mode.equals("apply") ? "actions applied" : "actions apply would take";
	}

	static void actions(HtmlOut html, RunSummary summary, Iterator<PlannedAction> actions) {
		html.raw("<h2 id=\"actions\">Actions (").text(summary.mode()).raw(")</h2>\n");
		List<ActionStatus> statuses = Arrays.stream(ActionStatus.values())
			.filter((status) -> summary.byStatus().getOrDefault(status, 0L) > 0)
			.toList();
		html.raw("<table class=\"matrix\"><thead><tr><th>action</th><th class=\"num\">total</th>");
		statuses.forEach((status) -> html.raw("<th class=\"num\">").text(status).raw("</th>"));
		html.raw("</tr></thead><tbody>\n");
		for (ActionType type : ActionType.values()) {
			long total = summary.byAction().getOrDefault(type, 0L);
			html.raw((total > 0) ? "<tr>" : "<tr class=\"zero\">").cell(type).number(total);
			statuses.forEach((status) -> html.number(summary.count(type, status)));
			html.raw("</tr>\n");
		}
		html.raw("</tbody></table>\n");
		box(html, "actions-box", "Filter actions: username, reason…");
		select(html, "type", "every action", Arrays.stream(ActionType.values()).map(Enum::name).toList());
		select(html, "status", "every status", statuses.stream().map(Enum::name).toList());
		html.raw("<span class=\"shown\"></span></div>\n<div class=\"scroll\"><table class=\"data\"><thead><tr>"
				+ "<th data-sort>action</th><th data-sort>status</th><th data-sort>account</th><th data-sort>because"
				+ "</th><th data-sort>precondition</th><th data-sort>why this status</th></tr></thead><tbody>\n");
		while (actions.hasNext()) {
			PlannedAction planned = actions.next();
			html.raw("<tr data-type=\"").text(planned.action().type()).raw("\" data-status=\"").text(planned.status())
				.raw("\">").cell(planned.action().type()).raw("<td><span class=\"badge\">").text(planned.status())
				.raw("</span></td>").cell("@" + planned.action().username()).cell(planned.action().because())
				.cell(planned.action().precondition().text()).cell(planned.reason()).raw("</tr>\n");
		}
		html.raw("</tbody></table></div></div>\n");
	}

	static void findings(HtmlOut html, RunSummary summary, Iterator<Finding> findings) {
		html.raw("<h2 id=\"findings\">Findings</h2>\n");
		box(html, "findings-box", "Filter findings: username, identity, evidence…");
		select(html, "category", "every category", Arrays.stream(Category.values())
			.filter((category) -> summary.byCategory().getOrDefault(category, 0L) > 0).map(Enum::name).toList());
		select(html, "severity", "every severity", List.of("DRIFT", "INFO", "OK"));
		select(html, "change", "new or persisting", List.of("NEW", "PERSISTING"));
		html.raw("<button type=\"button\" data-expand>Expand evidence</button><span class=\"shown\"></span>"
				+ "</div>\n<div class=\"scroll\"><table class=\"data\"><thead><tr><th data-sort>severity</th>"
				+ "<th data-sort>category</th><th data-sort>account</th><th data-sort>identity</th><th data-sort>since "
				+ "last</th><th data-sort>first seen</th><th data-sort=\"num\" class=\"num\">runs</th><th data-sort>"
				+ "matched by</th><th>rule and evidence</th></tr></thead><tbody>\n");
		while (findings.hasNext()) {
			finding(html, findings.next());
		}
		html.raw("</tbody></table></div></div>\n");
	}

	private static void finding(HtmlOut html, Finding finding) {
		FindingHistory history = finding.history();
		String change = (history != null) ? history.sinceLast().name() : "";
		html.raw("<tr data-category=\"").text(finding.category()).raw("\" data-severity=\"")
			.text(finding.category().severity()).raw("\" data-change=\"").text(change).raw("\"><td class=\"sev-")
			.text(finding.category().severity()).raw("\">").text(finding.category().severity()).raw("</td><td><code>")
			.text(finding.category()).raw("</code></td>")
			.cell((finding.username() != null) ? "@" + finding.username() : null)
			.cell(finding.identity()).raw("<td><span class=\"badge ").text(change).raw("\">").text(change)
			.raw("</span></td>")
			.cell((history != null) ? HtmlReport.time(history.firstSeen()) : null,
					(history != null) ? history.firstSeen() : "")
			.raw("<td class=\"num\">").text((history != null) ? history.runsSeen() : null).raw("</td>")
			.cell((finding.matchedBy() != null) ? finding.matchedBy() + " (" + finding.confidence() + ")" : null)
			.raw("<td class=\"evidence\"><span class=\"rule\">").text(finding.rule()).raw("</span>");
		list(html, finding.evidence());
		html.raw((finding.phid() != null) ? "<code>" + HtmlOut.escape(finding.phid()) + "</code>" : "")
			.raw("</td></tr>\n");
	}

	static void resolved(HtmlOut html, RunSummary summary, Iterator<Finding> resolved) {
		html.raw("<h2 id=\"resolved\">Resolved since the last complete run</h2>\n");
		if (summary.baselineRun() == null) {
			html.raw("<p class=\"note\">No earlier run read every source completely: nothing to compare with.</p>\n");
		}
		box(html, "resolved-box", "Filter resolved findings…");
		html.raw("<span class=\"shown\"></span></div>\n<div class=\"scroll\"><table class=\"data\"><thead><tr>"
				+ "<th data-sort>category</th><th data-sort>account</th><th data-sort>identity</th><th data-sort>first "
				+ "seen</th><th data-sort=\"num\" class=\"num\">runs seen</th></tr></thead><tbody>\n");
		while (resolved.hasNext()) {
			Finding finding = resolved.next();
			FindingHistory history = finding.history();
			html.raw("<tr><td><code>").text(finding.category()).raw("</code></td>")
				.cell((finding.username() != null) ? "@" + finding.username() : null)
				.cell(finding.identity())
				.cell((history != null) ? HtmlReport.time(history.firstSeen()) : null,
						(history != null) ? history.firstSeen() : "")
				.raw("<td class=\"num\">").text((history != null) ? history.runsSeen() : null).raw("</td></tr>\n");
		}
		html.raw("</tbody></table></div></div>\n");
	}

	/** A list of lines, or nothing when there are none. */
	static void list(HtmlOut html, List<String> lines) {
		if (!lines.isEmpty()) {
			html.raw("<ul>");
			lines.forEach((line) -> html.raw("<li>").text(line).raw("</li>"));
			html.raw("</ul>");
		}
	}

	private static void box(HtmlOut html, String id, String placeholder) {
		html.raw("<div class=\"tablebox\" id=\"").raw(id).raw("\"><div class=\"controls\"><input type=\"search\" "
				+ "data-filter=\"text\" aria-label=\"").text(placeholder).raw("\" placeholder=\"").text(placeholder)
			.raw("\">");
	}

	private static void select(HtmlOut html, String attribute, String all, List<String> values) {
		html.raw("<select data-filter=\"")
			.raw(attribute)
			.raw("\" aria-label=\"")
			.text(all)
			.raw("\"><option value=\"\">")
			.text(all).raw("</option>");
		values.forEach((value) -> html.raw("<option>").text(value).raw("</option>"));
		html.raw("</select>");
	}

}
