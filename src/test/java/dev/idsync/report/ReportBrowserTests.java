package dev.idsync.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.FindingHistory.Change;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code report.html} opened in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs; skipped
 * without it): after the page's script ran, the headline counts are in the page and the findings table is paged; a
 * screenshot is saved as {@code target/report.png} to look at.
 */
class ReportBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path OUT = Path.of("target", "browser");

	@Test
	void reportOf2000FindingsShowsItsHeadlineCountsOnceItsScriptRan() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": apt-get install chromium (.ci/run does)");
		// given a run of 2,000 findings
		RecordedRun run = large(ReportFixtures.run(), 2000);
		Files.createDirectories(OUT);
		Path html = OUT.resolve("report.html");
		Files.writeString(html, ReportGoldenTests.render(ReportFormat.HTML, run), StandardCharsets.UTF_8);

		// when
		long started = System.nanoTime();
		String dom = chromium("--dump-dom", html.toUri().toString());
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		chromium("--screenshot=" + Path.of("target", "report.png").toAbsolutePath(), "--window-size=1400,2000",
				html.toUri().toString());

		// then
		RunSummary summary = run.summary();
		assertThat(dom).contains("data-ready=\"true\"")
			.contains("data-count=\"drift\"><b>" + summary.count(Severity.DRIFT) + "</b>")
			.contains("data-count=\"new\"><b>" + summary.byChange().get(Change.NEW) + "</b>")
			.contains("data-count=\"resolved\"><b>" + summary.byChange().get(Change.RESOLVED) + "</b>")
			.contains("2000 of 2000 shown (the first 200 on the page)")
			.contains("a source could not be read completely (exit 1)");
		for (Category category : Category.values()) {
			if (summary.byCategory().getOrDefault(category, 0L) > 0) {
				assertThat(dom).contains("data-count=\"category-" + category + "\"");
			}
		}
		assertThat(Path.of("target", "report.png")).isNotEmptyFile();
		System.out.printf("report.html of 2,000 findings: %d bytes, opened and dumped by headless Chromium in %d ms%n",
				Files.size(html), millis);
	}

	/** The fixed run with {@code size} findings, one of each category in turn. */
	static RecordedRun large(RecordedRun run, int size) {
		List<Finding> findings = new ArrayList<>();
		Map<Category, Long> byCategory = new EnumMap<>(Category.class);
		Category[] categories = Category.values();
		for (int i = 0; i < size; i++) {
			Category category = categories[i % categories.length];
			FindingHistory history = new FindingHistory(ReportFixtures.STARTED, 1 + i % 5,
					(i % 7 == 0) ? Change.NEW : Change.PERSISTING);
			findings.add(new Finding(category, "user" + i, "PHID-USER-" + i, "user" + i + "@example.com",
					"the rule for " + category, List.of("okta: 00u" + i + " ACTIVE", "phorge: @user" + i + " enabled"),
					MatchMethod.EMAIL, history));
			byCategory.merge(category, 1L, Long::sum);
		}
		RunSummary s = run.summary();
		RunSummary summary = new RunSummary(s.runId(), s.startedAt(), s.finishedAt(), s.mode(), s.version(),
				s.sources(), byCategory, s.byAction(), s.exitCode(), s.baselineRun(), s.byChange(), s.gates(),
				s.actionMatrix(), s.changesByCategory());
		return RecordedRun.of(summary, run.history(), findings, run.actions().toList(), run.resolved().toList());
	}

	private static String chromium(String... arguments) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("idsync-chromium");
		Path out = profile.resolve("stdout");
		try {
			List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--disable-gpu",
					"--no-sandbox", "--user-data-dir=" + profile.resolve("profile")));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
				.redirectOutput(out.toFile())
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("chromium did not end within 90 s: " + command);
			}
			return Files.readString(out, StandardCharsets.UTF_8);
		}
		finally {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

}
