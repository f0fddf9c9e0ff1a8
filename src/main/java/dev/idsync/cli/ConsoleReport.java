package dev.idsync.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;

import dev.idsync.batch.RunResult;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.Severity;
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
		if (result.refused()) {
			err.println("idsync: " + result.failure());
			return;
		}
		if (summary == null) {
			err.println("idsync: run " + result.runId() + " failed: " + result.failure());
			err.println("idsync: the log above shows each step. Fix the cause, then run the same command again.");
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
			out.printf("  since run %s: drift %d new, %d persisting, %d resolved; info %d new, %d persisting, "
					+ "%d resolved%n", summary.baselineRun(), summary.change(Severity.DRIFT, FindingHistory.Change.NEW),
					summary.change(Severity.DRIFT, FindingHistory.Change.PERSISTING),
					summary.change(Severity.DRIFT, FindingHistory.Change.RESOLVED),
					summary.change(Severity.INFO, FindingHistory.Change.NEW),
					summary.change(Severity.INFO, FindingHistory.Change.PERSISTING),
					summary.change(Severity.INFO, FindingHistory.Change.RESOLVED));
		}
		out.println();
		printActions(result, summary, out);
		if (!result.rotations().isEmpty()) {
			out.println();
			out.println("Credentials and token rotation:");
			result.rotations().forEach((line) -> out.println("  " + line));
		}
		out.println();
		out.println("Report: " + result.reportDir() + "/report.html (also report.md, findings.csv, report.json)");
		if (result.plan() != null) {
			out.println("Plan: " + result.plan() + " (review it, then: idsync apply --config FILE " + result.plan() + ")");
		}
		String exit = result.exitCode().code() + " (" + result.exitCode().name() + ")";
		out.println(demo ? "A scheduled run would exit " + exit + "; the demo exits 0." : "Exit code: " + exit);
	}

	private static void printActions(RunResult result, RunSummary summary, PrintWriter out) {
		boolean applies = summary.mode().equals("apply");
		out.println("Actions (" + summary.mode() + (applies ? "" : ": nothing was changed") + "):");
		summary.gates().stream().filter((gate) -> !gate.passed()).forEach((gate) -> out.println("  SAFETY GATE "
				+ gate.gate() + ": " + gate.message()));
		out.printf("  %-16s %6s %9s %7s %7s %6s %6s %7s %7s %6s%n", "", "total", now(summary.mode()), "grace", "gate",
				"never", "manual", "review", "skipped", "failed");
		for (ActionType type : ActionType.values()) {
			out.printf("  %-16s %6d %9d %7d %7d %6d %6d %7d %7d %6d%n", type.name(),
					summary.byAction().getOrDefault(type, 0L), summary.count(type, ActionStatus.APPLIED)
							+ summary.count(type, ActionStatus.WOULD_APPLY) + summary.count(type, ActionStatus.PLANNED)
							+ summary.count(type, ActionStatus.PENDING),
					summary.count(type, ActionStatus.HELD_GRACE), summary.count(type, ActionStatus.HELD_GATE),
					summary.count(type, ActionStatus.NEVER_TOUCHED), summary.count(type, ActionStatus.MANUAL),
					summary.count(type, ActionStatus.FOR_REVIEW), summary.count(type, ActionStatus.SKIPPED),
					summary.count(type, ActionStatus.FAILED));
		}
		for (PlannedAction planned : result.firstActions()) {
			String reason = (planned.reason() != null) ? ": " + planned.reason() : "";
			out.printf("    %-13s %-14s @%s (%s)%s%n", planned.status(), planned.action().type(),
					planned.action().username(), planned.action().because(),
					(reason.length() > 110) ? reason.substring(0, 109) + "…" : reason);
		}
		long changing = summary.byAction().entrySet().stream().filter((entry) -> entry.getKey() != ActionType.FLAG_FOR_REVIEW)
			.mapToLong(java.util.Map.Entry::getValue).sum();
		if (changing > result.firstActions().size()) {
			out.println("    … and " + (changing - result.firstActions().size()) + " more in the report");
		}
	}

	/** The column of actions the mode takes now: applied, would apply, planned. */
	private static String now(String mode) {
		if (mode.startsWith("plan")) {
			return "planned";
		}
		return mode.equals("apply") ? "applied" : "would-do";
	}

}
