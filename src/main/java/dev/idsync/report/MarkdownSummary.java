package dev.idsync.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.Severity;
import dev.idsync.domain.SourceRead;

/**
 * Renders {@code report.md}: a short summary fit for a chat message or a ticket.
 */
public final class MarkdownSummary {

	/**
	 * Renders the summary.
	 * @param summary the run's summary
	 * @return the Markdown text
	 */
	public String render(RunSummary summary) {
		StringBuilder out = new StringBuilder();
		out.append("# idsync run ").append(summary.runId()).append(": ").append(headline(summary.exitCode()))
			.append("\n\n");
		out.append("Mode: ").append(summary.mode()).append(". ").append(summary.findings()).append(" findings, ")
			.append(summary.actions()).append(" actions planned, ")
			.append(summary.byStatus().getOrDefault(ActionStatus.APPLIED, 0L)).append(" applied.\n\n");
		summary.notes().forEach((note) -> out.append("Note: ").append(note).append("\n\n"));
		summary.gates().stream().filter((gate) -> !gate.passed()).forEach((gate) -> out.append("**Safety gate ")
			.append(gate.gate()).append(" stopped the actions:** ").append(gate.message()).append("\n\n"));
		if (summary.baselineRun() != null) {
			out.append("Since the last complete run (").append(summary.baselineRun()).append("): ")
				.append(changes(summary, Severity.DRIFT)).append(" drift findings; ")
				.append(changes(summary, Severity.INFO)).append(" info findings.\n\n");
		}
		else {
			out.append("First complete run: every drift finding is new.\n\n");
		}
		out.append("| category | count | meaning |\n|---|---:|---|\n");
		Arrays.stream(Category.values())
			.filter((category) -> summary.byCategory().getOrDefault(category, 0L) > 0)
			.sorted(Comparator.comparing((Category category) -> category.severity()).reversed())
			.forEach((category) -> out.append("| ")
				.append(category.name())
				.append(" | ")
				.append(summary.byCategory().get(category))
				.append(" | ")
				.append(category.description())
				.append(" |\n"));
		out.append("\n**Planned actions:** ").append(Arrays.stream(ActionType.values())
			.map((type) -> type.name() + " " + summary.byAction().getOrDefault(type, 0L))
			.collect(Collectors.joining(", "))).append("\n\n");
		out.append("**What became of them:** ").append(Arrays.stream(ActionStatus.values())
			.filter((status) -> summary.byStatus().getOrDefault(status, 0L) > 0)
			.map((status) -> status.name() + " " + summary.byStatus().get(status))
			.collect(Collectors.joining(", "))).append("\n\n");
		out.append("**Sources:** ").append(summary.sources().stream().map(MarkdownSummary::describe)
			.collect(Collectors.joining("; "))).append("\n\n");
		out.append("Details and evidence in this folder: `report.html` (open it in a browser), `findings.csv`, "
			+ "`report.json`.\n");
		return out.toString();
	}

	/** The run's outcome in a few words, with its exit code. */
	static String headline(ExitCode exitCode) {
		return switch (exitCode) {
			case NO_DRIFT -> "no drift (exit 0)";
			case DRIFT -> "drift found (exit 2)";
			case GATE_STOPPED -> "a safety gate stopped actions (exit 3)";
			case ERROR -> "a source could not be read completely (exit 1)";
		};
	}

	/** {@code 2 new, 1 persisting, 0 resolved}. */
	private static String changes(RunSummary summary, Severity severity) {
		return summary.change(severity, FindingHistory.Change.NEW) + " new, "
				+ summary.change(severity, FindingHistory.Change.PERSISTING) + " persisting, "
				+ summary.change(severity, FindingHistory.Change.RESOLVED) + " resolved";
	}

	private static String describe(SourceRead read) {
		return read.name() + " " + read.items() + " in " + read.pages() + " pages, " + read.retries() + " retries, "
				+ read.rateLimitWaits() + " rate-limit waits, " + read.durationMs() + " ms"
				+ (read.complete() ? "" : " (**INCOMPLETE**: " + read.reason() + ")");
	}

}
