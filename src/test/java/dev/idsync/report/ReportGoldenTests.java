package dev.idsync.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report format of a small, fixed run compared byte for byte with its golden file in
 * {@code src/test/resources/report/golden/}. After an intended change of a format, regenerate them with
 * {@code mvn test -Dtest=ReportGoldenTests -Didsync.golden.update=true}, review the diff and commit it.
 */
class ReportGoldenTests {

	private static final Path GOLDEN = Path.of("src/test/resources/report/golden");

	private static final boolean UPDATE = Boolean.getBoolean("idsync.golden.update");

	@ParameterizedTest
	@EnumSource(ReportFormat.class)
	void everyFormatMatchesItsGoldenFile(ReportFormat format) throws IOException {
		// given
		RecordedRun run = ReportFixtures.run();

		// when
		String rendered = render(format, run);

		// then
		Path golden = GOLDEN.resolve(format.fileName());
		if (UPDATE) {
			Files.writeString(golden, rendered, StandardCharsets.UTF_8);
		}
		assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

	@Test
	void chatNotificationMatchesItsGoldenFile() throws IOException {
		// given
		RunSummary summary = ReportFixtures.run().summary();

		// when
		String body = ChatNotification.body(summary, "https://reports.example.com/idsync/" + summary.runId()
				+ "/report.html") + "\n";

		// then
		Path golden = GOLDEN.resolve("notification.json");
		if (UPDATE) {
			Files.writeString(golden, body, StandardCharsets.UTF_8);
		}
		assertThat(body).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
		assertThat(ChatNotification.due(summary, java.util.List.of("gate"))).isTrue();
		assertThat(ChatNotification.due(summary, java.util.List.of("new-drift"))).isTrue();
	}

	@Test
	void valuesFromSourcesNeverBecomeMarkupOrFormulas() {
		// given a finding whose real name holds a script and whose username a spreadsheet formula
		RecordedRun run = ReportFixtures.run();

		// when
		String html = render(ReportFormat.HTML, run);
		String csv = render(ReportFormat.CSV, run);

		// then
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
		assertThat(html.split("<script>", -1)).hasSize(2);
		assertThat(html).doesNotContain("src=\"http", "href=\"http", "url(http", "@import");
		assertThat(csv).startsWith("\uFEFFcategory,").contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
	}

	@Test
	void goldenJsonValidatesAgainstTheSchema() throws IOException {
		assertThat(ReportSchemaTests.violations(JsonMapper.builder().build()
			.readTree(GOLDEN.resolve("report.json").toFile()))).isEmpty();
	}

	static String render(ReportFormat format, RecordedRun run) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		format.render(run, out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
