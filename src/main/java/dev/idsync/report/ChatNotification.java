package dev.idsync.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.FindingHistory.Change;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.Severity;

/**
 * A run's summary as a chat message (Slack-compatible {@code {"text": …}}), and whether a run calls for one:
 * {@code new-drift} when DRIFT findings are new since the last complete run, {@code gate} when a safety gate stopped
 * actions the mode would take or a source was read incompletely, {@code always}.
 */
public final class ChatNotification {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChatNotification() {
	}

	/**
	 * Whether a run calls for a message.
	 * @param summary the run's summary
	 * @param on the configured triggers ({@code new-drift}, {@code gate}, {@code always})
	 * @return whether to post
	 */
	public static boolean due(RunSummary summary, Collection<String> on) {
		return on.contains("always") || (on.contains("new-drift") && newDrift(summary) > 0)
				|| (on.contains("gate") && stopped(summary));
	}

	/**
	 * The message's JSON body.
	 * @param summary the run's summary
	 * @param report where the report is: its path, or its URL
	 * @return {@code {"text": …}}
	 */
	public static String body(RunSummary summary, String report) {
		return JSON.writeValueAsString(Map.of("text", text(summary, report)));
	}

	/** The message, in Slack's mrkdwn with {@code & < >} escaped as Slack asks. */
	static String text(RunSummary summary, String report) {
		StringBuilder text = new StringBuilder("*idsync* run ").append(escape(summary.runId())).append(": ")
			.append(MarkdownSummary.headline(summary.exitCode())).append(", mode ").append(escape(summary.mode()))
			.append('\n');
		String fresh = Arrays.stream(Category.values())
			.filter((category) -> category.severity() == Severity.DRIFT && summary.change(category, Change.NEW) > 0)
			.map((category) -> category.name() + " " + summary.change(category, Change.NEW))
			.collect(Collectors.joining(", "));
		text.append("• ").append(newDrift(summary)).append(" new DRIFT findings")
			.append(fresh.isEmpty() ? "" : " (" + fresh + ")")
			.append((summary.baselineRun() != null) ? " since run " + escape(summary.baselineRun()) : ", first run")
			.append("; ").append(summary.byChange().getOrDefault(Change.RESOLVED, 0L)).append(" resolved; ")
			.append(summary.count(Severity.DRIFT)).append(" DRIFT findings in all\n");
		for (GateResult gate : summary.gates()) {
			if (!gate.passed()) {
				text.append("• Safety gate ").append(escape(gate.gate())).append(": ").append(escape(gate.message()))
					.append('\n');
			}
		}
		long human = summary.byStatus().getOrDefault(ActionStatus.FOR_REVIEW, 0L)
				+ summary.byStatus().getOrDefault(ActionStatus.MANUAL, 0L);
		text.append("• ").append(HtmlTables.acting(summary)).append(' ').append(HtmlTables.actingLabel(summary.mode()))
			.append(", ").append(human).append(" for a human to review\n");
		return text.append("Report: ").append(escape(report)).toString();
	}

	private static long newDrift(RunSummary summary) {
		return Arrays.stream(Category.values())
			.filter((category) -> category.severity() == Severity.DRIFT)
			.mapToLong((category) -> summary.change(category, Change.NEW))
			.sum();
	}

	/** A gate stopped actions the mode would take (report mode takes none), or a source was read incompletely. */
	private static boolean stopped(RunSummary summary) {
		return summary.exitCode() == ExitCode.GATE_STOPPED || summary.exitCode() == ExitCode.ERROR
				|| summary.gates().stream().anyMatch((gate) -> !gate.passed() && gate.gate().equals("completeness"));
	}

	private static String escape(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
