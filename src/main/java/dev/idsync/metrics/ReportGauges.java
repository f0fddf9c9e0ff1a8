package dev.idsync.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.FindingHistory.Change;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.Severity;
import dev.idsync.domain.SourceRead;
import dev.idsync.report.RunSummary;

/**
 * The gauges of a run's report, each replaced by the next run that writes one: findings, their changes since the
 * baseline, actions, gates and source reads. Every category, severity, action type and status has a row, zeros
 * included, so that an alert on one sees 0 rather than nothing.
 */
final class ReportGauges {

	/** The severities whose findings are compared with the baseline run. */
	private static final List<Severity> COMPARED = List.of(Severity.DRIFT, Severity.INFO);

	private final MultiGauge findings;

	private final MultiGauge findingsNew;

	private final MultiGauge findingsResolved;

	private final MultiGauge actions;

	private final MultiGauge gateStopped;

	private final List<SourceGauge> sources;

	ReportGauges(MeterRegistry registry) {
		this.findings = Gauges.of(registry, "idsync.findings", null, "Findings of the last report, by category");
		this.findingsNew = Gauges.of(registry, "idsync.findings.new", null,
				"Findings of the last report that the last complete run did not have, by severity");
		this.findingsResolved = Gauges.of(registry, "idsync.findings.resolved", null,
				"Findings of the last complete run that the last report no longer has, by severity");
		this.actions = Gauges.of(registry, "idsync.actions", null,
				"Actions of the last report, by type and by what became of them");
		this.gateStopped = Gauges.of(registry, "idsync.gate.stopped", null,
				"1 when the safety gate held back actions the last report's run would have taken (plan or apply mode), "
						+ "else 0");
		this.sources = List.of(
				new SourceGauge(Gauges.of(registry, "idsync.source.complete", null,
						"1 when the source was read completely in the last report's run, else 0"),
						(read) -> read.complete() ? 1 : 0),
				new SourceGauge(Gauges.of(registry, "idsync.source.items", null, "Items read from the source"),
						SourceRead::items),
				new SourceGauge(Gauges.of(registry, "idsync.source.pages", null, "Pages read from the source"),
						SourceRead::pages),
				new SourceGauge(Gauges.of(registry, "idsync.source.retries", null,
						"Requests to the source repeated after a failure"), SourceRead::retries),
				new SourceGauge(Gauges.of(registry, "idsync.source.rate.limit.waits", null,
						"Pauses for the source's rate limits"), SourceRead::rateLimitWaits),
				new SourceGauge(Gauges.of(registry, "idsync.source.duration", "seconds",
						"How long reading the source took"), (read) -> read.durationMs() / 1000.0));
	}

	void record(RunSummary summary) {
		Gauges.replace(this.findings, findingRows(summary));
		Gauges.replace(this.findingsNew, changeRows(summary, Change.NEW));
		Gauges.replace(this.findingsResolved, changeRows(summary, Change.RESOLVED));
		Gauges.replace(this.actions, actionRows(summary));
		Gauges.replace(this.gateStopped, gateRows(summary));
		this.sources.forEach((gauge) -> gauge.record(summary.sources()));
	}

	private static List<MultiGauge.Row<?>> findingRows(RunSummary summary) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (Category category : Category.values()) {
			rows.add(Gauges.row(Tags.of("category", category.name(), "severity", category.severity().name()),
					summary.byCategory().getOrDefault(category, 0L)));
		}
		return rows;
	}

	private static List<MultiGauge.Row<?>> changeRows(RunSummary summary, Change change) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (Severity severity : COMPARED) {
			rows.add(Gauges.row(Tags.of("severity", severity.name()), summary.change(severity, change)));
		}
		return rows;
	}

	private static List<MultiGauge.Row<?>> actionRows(RunSummary summary) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (ActionType type : ActionType.values()) {
			for (ActionStatus status : ActionStatus.values()) {
				rows.add(Gauges.row(Tags.of("type", type.name(), "status", status.name()),
						summary.count(type, status)));
			}
		}
		return rows;
	}

	private static List<MultiGauge.Row<?>> gateRows(RunSummary summary) {
		// as the exit code says: report mode takes no action, so no gate stops one
		boolean held = !summary.mode().startsWith("report")
				&& summary.byStatus().getOrDefault(ActionStatus.HELD_GATE, 0L) > 0;
		Map<String, Integer> stopped = new LinkedHashMap<>();
		for (GateResult gate : summary.gates()) {
			stopped.merge(gate.gate(), (held && !gate.passed()) ? 1 : 0, Math::max);
		}
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		stopped.forEach((gate, value) -> rows.add(Gauges.row(Tags.of("gate", gate), value)));
		return rows;
	}

	/** One gauge over every source read, from one number of each read. */
	private record SourceGauge(MultiGauge gauge, ToDoubleFunction<SourceRead> value) {

		void record(List<SourceRead> reads) {
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			reads.forEach((read) -> rows.add(Gauges.row(Tags.of("source", read.name()), this.value.applyAsDouble(read))));
			Gauges.replace(this.gauge, rows);
		}

	}

}
