package dev.idsync.report;

import java.io.OutputStream;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.SourceRead;

/**
 * Renders {@code report.json}, streaming findings and actions so that a report of a million findings needs no more
 * memory than one of ten. The format is versioned by {@link #SCHEMA_VERSION}.
 */
public final class JsonReport {

	/** Bumped whenever a field is removed or changes meaning; new fields may appear without a bump. */
	public static final int SCHEMA_VERSION = 1;

	private final JsonMapper json = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	/**
	 * Writes the report.
	 * @param summary the run's summary
	 * @param findings the findings, in report order
	 * @param actions the planned actions, in report order
	 * @param out where to write (not closed)
	 */
	public void write(RunSummary summary, Iterator<Finding> findings, Iterator<PlannedAction> actions,
			OutputStream out) {
		write(summary, findings, actions, List.<Finding>of().iterator(), out);
	}

	/**
	 * Writes the report, with the findings of the baseline run that this run no longer has.
	 * @param summary the run's summary
	 * @param findings the findings, in report order
	 * @param actions the planned actions, in report order
	 * @param resolved the baseline's findings that are gone
	 * @param out where to write (not closed)
	 */
	public void write(RunSummary summary, Iterator<Finding> findings, Iterator<PlannedAction> actions,
			Iterator<Finding> resolved, OutputStream out) {
		try (JsonGenerator generator = this.json.createGenerator(out, JsonEncoding.UTF8)) {
			write(generator, summary, findings, actions, resolved);
		}
	}

	/**
	 * Writes the report as text, with the findings of the baseline run that this run no longer has.
	 * @param summary the run's summary
	 * @param findings the findings, in report order
	 * @param actions the planned actions, in report order
	 * @param resolved the baseline's findings that are gone
	 * @param out where to write (flushed, not closed)
	 */
	public void write(RunSummary summary, Iterator<Finding> findings, Iterator<PlannedAction> actions,
			Iterator<Finding> resolved, Writer out) {
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			write(generator, summary, findings, actions, resolved);
		}
	}

	private static void write(JsonGenerator generator, RunSummary summary, Iterator<Finding> findings,
			Iterator<PlannedAction> actions, Iterator<Finding> resolved) {
		generator.writeStartObject();
		generator.writeNumberProperty("schemaVersion", SCHEMA_VERSION);
		generator.writeStringProperty("runId", summary.runId());
		generator.writeStringProperty("startedAt", summary.startedAt().toString());
		generator.writeStringProperty("finishedAt", summary.finishedAt().toString());
		generator.writeStringProperty("mode", summary.mode());
		generator.writeStringProperty("idsyncVersion", summary.version());
		generator.writeNumberProperty("exitCode", summary.exitCode().code());
		writeSources(generator, summary);
		writeGates(generator, summary);
		writeNotes(generator, summary);
		writeSummary(generator, summary);
		generator.writeArrayPropertyStart("findings");
		findings.forEachRemaining((finding) -> writeFinding(generator, finding));
		generator.writeEndArray();
		generator.writeArrayPropertyStart("actions");
		actions.forEachRemaining((action) -> writeAction(generator, action));
		generator.writeEndArray();
		generator.writeArrayPropertyStart("resolved");
		resolved.forEachRemaining((finding) -> writeResolved(generator, finding));
		generator.writeEndArray();
		generator.writeEndObject();
		generator.flush();
	}

	private static void writeSources(JsonGenerator generator, RunSummary summary) {
		generator.writeArrayPropertyStart("sources");
		for (SourceRead read : summary.sources()) {
			generator.writeStartObject();
			generator.writeStringProperty("name", read.name());
			generator.writeBooleanProperty("complete", read.complete());
			generator.writeStringProperty("reason", read.reason());
			generator.writeNumberProperty("pages", read.pages());
			generator.writeNumberProperty("items", read.items());
			generator.writeNumberProperty("retries", read.retries());
			generator.writeNumberProperty("rateLimitWaits", read.rateLimitWaits());
			generator.writeNumberProperty("durationMs", read.durationMs());
			generator.writeArrayPropertyStart("problems");
			read.problems().forEach(generator::writeString);
			generator.writeEndArray();
			generator.writeEndObject();
		}
		generator.writeEndArray();
	}

	/** Only when there are some: reports of runs without notes stay as they were. */
	private static void writeNotes(JsonGenerator generator, RunSummary summary) {
		if (summary.notes().isEmpty()) {
			return;
		}
		generator.writeArrayPropertyStart("notes");
		summary.notes().forEach(generator::writeString);
		generator.writeEndArray();
	}

	private static void writeGates(JsonGenerator generator, RunSummary summary) {
		generator.writeArrayPropertyStart("gates");
		for (GateResult gate : summary.gates()) {
			generator.writeStartObject();
			generator.writeStringProperty("gate", gate.gate());
			generator.writeBooleanProperty("passed", gate.passed());
			generator.writeStringProperty("message", gate.message());
			generator.writeEndObject();
		}
		generator.writeEndArray();
	}

	private static void writeSummary(JsonGenerator generator, RunSummary summary) {
		generator.writeObjectPropertyStart("summary");
		generator.writeNumberProperty("findings", summary.findings());
		generator.writeObjectPropertyStart("byCategory");
		for (Category category : Category.values()) {
			generator.writeNumberProperty(category.name(), summary.byCategory().getOrDefault(category, 0L));
		}
		generator.writeEndObject();
		generator.writeObjectPropertyStart("actionsByType");
		for (ActionType type : ActionType.values()) {
			generator.writeNumberProperty(type.name(), summary.byAction().getOrDefault(type, 0L));
		}
		generator.writeEndObject();
		generator.writeObjectPropertyStart("actionsByStatus");
		for (ActionStatus status : ActionStatus.values()) {
			generator.writeNumberProperty(status.name(), summary.byStatus().getOrDefault(status, 0L));
		}
		generator.writeEndObject();
		generator.writeObjectPropertyStart("sinceLastCompleteRun");
		generator.writeStringProperty("baselineRunId", summary.baselineRun());
		for (FindingHistory.Change change : FindingHistory.Change.values()) {
			generator.writeNumberProperty(change.name(), summary.byChange().getOrDefault(change, 0L));
		}
		generator.writeEndObject();
		generator.writeObjectPropertyStart("changesByCategory");
		for (Category category : Category.values()) {
			if (summary.changesByCategory().containsKey(category)) {
				generator.writeObjectPropertyStart(category.name());
				for (FindingHistory.Change change : FindingHistory.Change.values()) {
					generator.writeNumberProperty(change.name(), summary.change(category, change));
				}
				generator.writeEndObject();
			}
		}
		generator.writeEndObject();
		generator.writeEndObject();
	}

	private static void writeResolved(JsonGenerator generator, Finding finding) {
		generator.writeStartObject();
		generator.writeStringProperty("category", finding.category().name());
		generator.writeStringProperty("username", finding.username());
		generator.writeStringProperty("phid", finding.phid());
		generator.writeStringProperty("identity", finding.identity());
		writeHistory(generator, finding.history());
		generator.writeEndObject();
	}

	private static void writeHistory(JsonGenerator generator, @Nullable FindingHistory history) {
		generator.writeStringProperty("firstSeen", (history != null) ? history.firstSeen().toString() : null);
		if (history != null) {
			generator.writeNumberProperty("runsSeen", history.runsSeen());
		}
		else {
			generator.writeNullProperty("runsSeen");
		}
		generator.writeStringProperty("sinceLast", (history != null) ? history.sinceLast().name() : null);
	}

	private static void writeFinding(JsonGenerator generator, Finding finding) {
		generator.writeStartObject();
		generator.writeStringProperty("category", finding.category().name());
		generator.writeStringProperty("severity", finding.category().severity().name());
		generator.writeStringProperty("username", finding.username());
		generator.writeStringProperty("phid", finding.phid());
		generator.writeStringProperty("identity", finding.identity());
		writeHistory(generator, finding.history());
		generator.writeObjectPropertyStart("evidence");
		generator.writeStringProperty("rule", finding.rule());
		generator.writeStringProperty("matchedBy", (finding.matchedBy() != null) ? finding.matchedBy().name() : null);
		generator.writeStringProperty("confidence",
				(finding.confidence() != null) ? finding.confidence().name() : null);
		generator.writeArrayPropertyStart("facts");
		finding.evidence().forEach(generator::writeString);
		generator.writeEndArray();
		generator.writeEndObject();
		generator.writeEndObject();
	}

	private static void writeAction(JsonGenerator generator, PlannedAction planned) {
		generator.writeStartObject();
		generator.writeStringProperty("type", planned.action().type().name());
		generator.writeStringProperty("username", planned.action().username());
		generator.writeStringProperty("phid", planned.action().phid());
		generator.writeStringProperty("because", planned.action().because().name());
		generator.writeStringProperty("precondition", planned.action().precondition().name());
		generator.writeStringProperty("preconditionText", planned.action().precondition().text());
		generator.writeStringProperty("status", planned.status().name());
		generator.writeStringProperty("reason", planned.reason());
		generator.writeEndObject();
	}

}
