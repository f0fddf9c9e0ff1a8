package dev.idsync.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.Finding;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.Precondition;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.SourceRead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobs/nightly-sync/report.schema.json} documents {@code report.json}: it names every category code with its
 * kind, severity and meaning exactly as the code does, and every report idsync writes validates against it.
 */
public class ReportSchemaTests {

	/** The schema file, beside the job it documents. */
	public static final Path SCHEMA = Path.of("jobs/nightly-sync/report.schema.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What is wrong with a report, by the schema.
	 * @param report a parsed {@code report.json}
	 * @return the violations, none when the report is valid
	 */
	public static List<String> violations(JsonNode report) {
		try (InputStream schema = Files.newInputStream(SCHEMA)) {
			Schema parsed = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
			return parsed.validate(report).stream().map(Error::toString).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void schemaDocumentsEveryCategoryWithItsKindSeverityAndMeaning() throws IOException {
		// given
		JsonNode schema = JSON.readTree(SCHEMA.toFile());

		// when
		List<String> documented = new ArrayList<>();
		schema.path("$defs").path("category").path("oneOf").forEach((code) -> documented.add(code.path("const")
			.asString() + " = " + code.path("description").asString()));

		// then
		assertThat(documented).containsExactlyElementsOf(Arrays.stream(Category.values())
			.map((category) -> category.name() + " = " + category.kind() + " " + category.severity() + ": "
					+ category.description())
			.toList());
		List<String> actions = new ArrayList<>();
		schema.path("$defs").path("actionType").path("enum").forEach((type) -> actions.add(type.asString()));
		assertThat(actions).containsExactlyElementsOf(Arrays.stream(ActionType.values()).map(Enum::name).toList());
		List<String> statuses = new ArrayList<>();
		schema.path("$defs").path("actionStatus").path("oneOf").forEach((s) -> statuses.add(s.path("const").asString()));
		assertThat(statuses).containsExactlyElementsOf(Arrays.stream(ActionStatus.values()).map(Enum::name).toList());
		List<String> preconditions = new ArrayList<>();
		schema.path("$defs").path("precondition").path("oneOf").forEach((p) -> preconditions.add(p.path("const")
			.asString() + " = " + p.path("description").asString()));
		assertThat(preconditions).containsExactlyElementsOf(Arrays.stream(Precondition.values())
			.map((precondition) -> precondition.name() + " = " + precondition.text()).toList());
		List<String> methods = new ArrayList<>();
		schema.path("$defs").path("matchMethod").path("oneOf").forEach((m) -> methods.add(m.path("const").asString()));
		assertThat(methods).containsExactlyElementsOf(Arrays.stream(MatchMethod.values()).map(Enum::name).toList());
	}

	@Test
	void writtenReportValidatesAndABrokenOneDoesNot() {
		// given a report with a finding of each kind, with and without history, an action and a resolved finding
		Instant now = Instant.parse("2026-11-30T02:00:00Z");
		FindingHistory persisting = new FindingHistory(now.minusSeconds(86_400), 2, FindingHistory.Change.PERSISTING);
		List<Finding> findings = List.of(
				new Finding(Category.LEAVER_ACTIVE, "bob", "PHID-USER-1", "bob@example.com", "rule",
						List.of("phorge: @bob enabled"), MatchMethod.EMAIL, persisting),
				new Finding(Category.TOKEN_STALE, "ci-bot", "PHID-USER-2", null, "rule", List.of("old"), null, null),
				new Finding(Category.JOINER_NO_ACCOUNT, null, null, "new@example.com", "rule", List.of("okta: new"),
						null, new FindingHistory(now, 1, FindingHistory.Change.NEW)));
		List<PlannedAction> actions = List.of(new PlannedAction(new Action(ActionType.DISABLE, "PHID-USER-1", "bob",
				Category.LEAVER_ACTIVE, Precondition.ENABLED), ActionStatus.HELD_GATE, "stopped by the safety gate "
						+ "blast-radius:DISABLE"));
		List<Finding> resolved = List.of(new Finding(Category.ORPHAN, "ghost", "PHID-USER-9", null,
				"no longer reported", List.of(), null, new FindingHistory(now, 3, FindingHistory.Change.RESOLVED)));
		RunSummary summary = new RunSummary("20261130T020000Z-abcd", now, now.plusSeconds(9), "apply, dry run", "test",
				List.of(new SourceRead("okta", 1, 3, 0, 0, 12, true, null, List.of())),
				Map.of(Category.LEAVER_ACTIVE, 1L, Category.TOKEN_STALE, 1L, Category.JOINER_NO_ACCOUNT, 1L),
				Map.of(ActionType.DISABLE, 1L), ExitCode.DRIFT, "20261129T020000Z-0000",
				Map.of(FindingHistory.Change.NEW, 1L, FindingHistory.Change.PERSISTING, 2L,
						FindingHistory.Change.RESOLVED, 1L),
				List.of(new GateResult("completeness", true, "every source was read completely"),
						new GateResult("blast-radius:DISABLE", false, "11 DISABLE called for: over the limit")),
				Map.of(ActionType.DISABLE, Map.of(ActionStatus.HELD_GATE, 1L)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		// when
		new JsonReport().write(summary, findings.iterator(), actions.iterator(), resolved.iterator(), out);
		JsonNode report = JSON.readTree(out.toByteArray());

		// then
		assertThat(violations(report)).isEmpty();
		((tools.jackson.databind.node.ObjectNode) report.path("findings").get(0)).put("category", "LEAVER");
		assertThat(violations(report)).isNotEmpty().allSatisfy((violation) -> assertThat(violation)
			.contains("/findings/0/category"));
	}

}
