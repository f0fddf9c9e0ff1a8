package dev.idsync.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;

import dev.idsync.batch.RunResult;
import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.SourceRead;
import dev.idsync.report.RunSummary;

/**
 * Prints a run's outcome for a human at a terminal: counts per category, the actions it would take, the report.
 */
final class ConsoleReport {

	private ConsoleReport() {
	}

	/**
	 * Prints a run's outcome.
	 * @param result the outcome
	 * @param out where the summary goes
	 * @param err where a failure goes
	 * @param demo whether the run was the demo's (which exits 0 whatever it finds)
	 */
	static void print(RunResult result, PrintWriter out, PrintWriter err, boolean demo) {
		RunSummary summary = result.summary();
		if (summary == null) {
			err.println("idsync: run " + result.runId() + " failed: " + result.failure());
			err.println("idsync: nothing was changed. Fix the cause and run again; the log above has the details.");
			return;
		}
		out.println("Run " + result.runId() + " (" + summary.mode() + ")");
		for (SourceRead read : summary.sources()) {
			out.printf("  read %-18s %7d items in %4d pages, %3d retries, %3d rate-limit waits, %6d ms%s%n",
					read.name(), read.items(), read.pages(), read.retries(), read.rateLimitWaits(), read.durationMs(),
					read.complete() ? "" : "  INCOMPLETE: " + read.reason());
		}
		out.println();
		out.println("Findings:");
		Arrays.stream(Category.values())
			.filter((category) -> summary.byCategory().getOrDefault(category, 0L) > 0)
			.sorted(Comparator.comparing(Category::severity).reversed())
			.forEach((category) -> out.printf("  %-18s %7d  %-6s %s%n", category.name(),
					summary.byCategory().get(category), category.severity(), category.description()));
		if (summary.baselineRun() != null) {
			out.printf("  since run %s: %d new, %d persisting, %d resolved drift findings%n", summary.baselineRun(),
					summary.byChange().getOrDefault(FindingHistory.Change.NEW, 0L),
					summary.byChange().getOrDefault(FindingHistory.Change.PERSISTING, 0L),
					summary.byChange().getOrDefault(FindingHistory.Change.RESOLVED, 0L));
		}
		out.println();
		out.println("Actions idsync would take (dry run: none applied):");
		for (ActionType type : ActionType.values()) {
			out.printf("  %-16s %7d%n", type.name(), summary.byAction().getOrDefault(type, 0L));
		}
		for (Action action : result.firstActions()) {
			out.printf("    %-16s @%s (%s)%n", action.type(), action.username(), action.because());
		}
		if (summary.actions() > result.firstActions().size()) {
			out.println("    … and " + (summary.actions() - result.firstActions().size()) + " more in the report");
		}
		out.println();
		out.println("Report: " + result.reportDir() + "/report.json (summary: report.md)");
		String exit = result.exitCode().code() + " (" + result.exitCode().name() + ")";
		out.println(demo ? "A scheduled run would exit " + exit + "; the demo exits 0." : "Exit code: " + exit);
	}

}
