package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.domain.RunTally;
import dev.idsync.store.RunStore;

/**
 * {@code idsync history}: the recorded runs with their counts, and how the drift went from run to run.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = { "Lists the recorded runs, oldest first, with how each ended and its counts: findings, DRIFT "
				+ "findings, drift and info findings new and resolved since the last complete run before it, and the "
				+ "trend: how the DRIFT findings changed since the last earlier run that read every source "
				+ "completely." },
		footerHeading = "%nExit codes:%n", footer = { "  0 listed, 1 an error" })
final class HistoryCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final String ROW = "%-24s %-16s %-15s %-9s %4s %-10s %8s %6s %5s %8s  %s%n";

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
	@Nullable Path config;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "30",
			description = "How many of the newest runs (default ${DEFAULT-VALUE}).")
	int limit = 30;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		return StoreAccess.withStore(this.config, this.spec.commandLine().getErr(), (store) -> {
			RunStore recorded = new RunStore(store.dataSource());
			List<RunTally> runs = recorded.tallies(Math.max(1, this.limit));
			if (runs.isEmpty()) {
				out.println("No run is recorded in this store yet.");
				return 0;
			}
			out.printf(ROW, "RUN", "STARTED (UTC)", "MODE", "STATUS", "EXIT", "SOURCES", "FINDINGS", "DRIFT", "NEW",
					"RESOLVED", "TREND");
			RunTally previous = null;
			for (RunTally run : runs) {
				out.printf(ROW, run.runId(), TIME.format(run.startedAt()), run.mode(), run.status(),
						(run.exitCode() != null) ? run.exitCode() : "-", sources(run), count(run, run.findings()),
						count(run, run.drift()), count(run, run.newSinceLast()), count(run, run.resolved()),
						trend(previous, run));
				if (run.complete() && run.kept()) {
					previous = run;
				}
			}
			out.println("NEW and RESOLVED count drift and info findings; '-': not counted yet (the run is going, or "
					+ "ended before reading), or no longer kept (idsync.store.keep-runs).");
			for (RunTally run : runs) {
				if (run.status().equals("ABANDONED")) {
					out.println(run.runId() + " was " + recorded.abandonment(run.runId()).orElse("abandoned") + ".");
				}
				recorded.skip(run.runId()).ifPresent((why) -> out.println(run.runId() + " was skipped: " + why));
			}
			return 0;
		});
	}

	private static String sources(RunTally run) {
		if (run.sourcesComplete() == null) {
			return "-";
		}
		return run.sourcesComplete() ? "complete" : "INCOMPLETE";
	}

	private static String count(RunTally run, long count) {
		return run.kept() ? String.valueOf(count) : "-";
	}

	/** How the DRIFT findings changed since the last earlier complete run: an arrow and the difference. */
	static String trend(@Nullable RunTally previous, RunTally run) {
		if (previous == null || !run.kept()) {
			return "";
		}
		long delta = run.drift() - previous.drift();
		String arrow = (delta > 0) ? "↑ +" : (delta < 0) ? "↓ " : "→ ";
		return arrow + delta + (run.complete() ? "" : " (sources incomplete)");
	}

}
