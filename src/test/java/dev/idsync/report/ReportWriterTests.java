package dev.idsync.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report folder appears whole, in every format, and {@code latest} always points at the folder written last.
 */
class ReportWriterTests {

	@TempDir
	Path dir;

	@Test
	void writeWhenTwoRunsReportPointsLatestAtTheSecondAndLeavesNothingPartial() throws IOException {
		// given
		RecordedRun first = ReportFixtures.run();
		RecordedRun second = renamed(first, "20261201T020000Z-efgh");

		// when
		Path firstFolder = new ReportWriter().write(this.dir, first);
		Path secondFolder = new ReportWriter().write(this.dir, second);

		// then
		for (ReportFormat format : ReportFormat.values()) {
			assertThat(firstFolder.resolve(format.fileName())).isNotEmptyFile();
			assertThat(secondFolder.resolve(format.fileName())).isNotEmptyFile();
		}
		Path latest = this.dir.resolve(ReportWriter.LATEST);
		assertThat(Files.isSymbolicLink(latest)).isTrue();
		assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of("20261201T020000Z-efgh"));
		assertThat(latest.resolve("report.html").toRealPath()).isEqualTo(secondFolder.resolve("report.html")
			.toRealPath());
		try (Stream<Path> entries = Files.list(this.dir)) {
			assertThat(entries.map((path) -> path.getFileName().toString()))
				.containsExactlyInAnyOrder("20261130T020000Z-abcd", "20261201T020000Z-efgh", "latest");
		}
	}

	@Test
	void writeWhenTheRunIsReportedAgainReplacesItsFolder() throws IOException {
		// given
		new ReportWriter().write(this.dir, ReportFixtures.run());
		Files.writeString(this.dir.resolve("20261130T020000Z-abcd").resolve("stale.txt"), "from an earlier write");

		// when
		Path folder = new ReportWriter().write(this.dir, ReportFixtures.run());

		// then
		assertThat(folder.resolve("stale.txt")).doesNotExist();
		assertThat(folder.resolve("report.json")).isNotEmptyFile();
	}

	private static RecordedRun renamed(RecordedRun run, String runId) {
		RunSummary s = run.summary();
		RunSummary summary = new RunSummary(runId, s.startedAt(), s.finishedAt(), s.mode(), s.version(), s.sources(),
				s.byCategory(), s.byAction(), s.exitCode(), s.baselineRun(), s.byChange(), s.gates(), s.actionMatrix(),
				s.changesByCategory());
		return RecordedRun.of(summary, run.history(), run.findings().toList(), run.actions().toList(),
				run.resolved().toList());
	}

}
