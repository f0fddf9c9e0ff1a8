package dev.idsync.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.idsync.domain.RunTally;

/**
 * Draws the last runs' counts as an inline SVG bar chart: each run's drift and info findings, persisting below and new
 * on top, and the findings it resolved below the line; runs that did not read every source are drawn faded.
 */
final class TrendChart {

	/** At most this many runs are drawn. */
	static final int RUNS = 30;

	private static final int WIDTH = 720;

	private static final int TOP = 16;

	private static final int PLOT = 150;

	private static final int LEFT = 44;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

	private TrendChart() {
	}

	/**
	 * Writes the chart.
	 * @param history the newest runs, oldest first
	 * @param current the run the report is about (highlighted)
	 * @param html where to write
	 */
	static void write(List<RunTally> history, String current, HtmlOut html) {
		List<RunTally> runs = history.subList(Math.max(0, history.size() - RUNS), history.size());
		long up = Math.max(1, runs.stream().mapToLong(RunTally::attention).max().orElse(1));
		long down = runs.stream().mapToLong(RunTally::resolved).max().orElse(0);
		double scale = PLOT / (double) (up + down);
		double base = TOP + up * scale;
		double slot = (WIDTH - LEFT - 8) / (double) Math.max(runs.size(), 1);
		double bar = Math.min(28, slot * 0.7);
		// nightly runs are told apart by their day, runs of one day by their time
		DateTimeFormatter label = (runs.stream().map((run) -> DAY.format(run.startedAt())).distinct()
			.count() == runs.size()) ? DAY : HOUR;
		html.raw("<svg class=\"trend\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + (TOP + PLOT + 34)
				+ "\" aria-labelledby=\"trend-title\"><title id=\"trend-title\">Drift and info findings of the last ")
			.text(runs.size()).raw(" runs</title>");
		axis(html, up, down, base, scale);
		for (int i = 0; i < runs.size(); i++) {
			RunTally run = runs.get(i);
			double x = LEFT + slot * i + (slot - bar) / 2;
			bars(html, run, x, bar, base, scale, run.runId().equals(current));
			if (i == 0 || i == runs.size() - 1 || i % Math.max(1, runs.size() / 6) == 0) {
				html.raw("<text class=\"x\" x=\"" + fmt(x + bar / 2) + "\" y=\"" + (TOP + PLOT + 16) + "\">")
					.text(label.format(run.startedAt())).raw("</text>");
			}
		}
		html.raw("</svg>\n");
	}

	private static void axis(HtmlOut html, long up, long down, double base, double scale) {
		html.raw("<line class=\"axis\" x1=\"" + LEFT + "\" x2=\"" + WIDTH + "\" y1=\"" + fmt(base) + "\" y2=\""
				+ fmt(base) + "\"/>");
		html.raw("<text class=\"y\" x=\"" + (LEFT - 6) + "\" y=\"" + (TOP + 4) + "\">").text(up).raw("</text>");
		html.raw("<text class=\"y\" x=\"" + (LEFT - 6) + "\" y=\"" + fmt(base + 4) + "\">0</text>");
		if (down > 0) {
			html.raw("<text class=\"y\" x=\"" + (LEFT - 6) + "\" y=\"" + fmt(base + down * scale + 4) + "\">-")
				.text(down).raw("</text>");
		}
	}

	private static void bars(HtmlOut html, RunTally run, double x, double width, double base, double scale,
			boolean current) {
		// the run being reported has not ended yet: what counts is whether it read every source
		boolean complete = run.complete() || (current && Boolean.TRUE.equals(run.sourcesComplete()));
		String classes = (complete ? "run" : "run faded") + (current ? " current" : "");
		html.raw("<g class=\"" + classes + "\"><title>").text(describe(run)).raw("</title>");
		long persisting = run.attention() - run.newSinceLast();
		rect(html, "persisting", x, base - persisting * scale, width, persisting * scale);
		rect(html, "new", x, base - run.attention() * scale, width, run.newSinceLast() * scale);
		rect(html, "resolved", x, base, width, run.resolved() * scale);
		html.raw("</g>");
	}

	private static void rect(HtmlOut html, String kind, double x, double y, double width, double height) {
		if (height > 0) {
			html.raw("<rect class=\"" + kind + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(width)
					+ "\" height=\"" + fmt(height) + "\"/>");
		}
	}

	/** One line per run for the bar's tooltip. */
	static String describe(RunTally run) {
		String counts = run.kept() ? run.attention() + " drift and info findings (" + run.newSinceLast() + " new), "
				+ run.resolved() + " resolved" : "records deleted (idsync.store.keep-runs)";
		String exit = (run.exitCode() != null) ? ", exit " + run.exitCode() : "";
		String complete = run.complete() ? "" : ", " + (Boolean.FALSE.equals(run.sourcesComplete())
				? "sources incomplete" : run.status().toLowerCase(Locale.ROOT));
		return run.runId() + " (" + run.mode() + "): " + counts + exit + complete;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
