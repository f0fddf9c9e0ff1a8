package dev.idsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.idsync.domain.Finding;
import dev.idsync.domain.PlannedAction;

/**
 * Writes a run's report folder {@code <dir>/<runId>/} atomically: the files are written into a hidden sibling folder
 * that is renamed into place, so a reader never sees half a report.
 */
public final class ReportWriter {

	private final JsonReport json = new JsonReport();

	private final MarkdownSummary markdown = new MarkdownSummary();

	/**
	 * Writes {@code report.json} and {@code report.md}.
	 * @param dir the report directory
	 * @param summary the run's summary
	 * @param findings the findings, streamed
	 * @param actions the planned actions, streamed
	 * @return the run's report folder
	 */
	public Path write(Path dir, RunSummary summary, Iterator<Finding> findings, Iterator<PlannedAction> actions) {
		return write(dir, summary, findings, actions, List.<Finding>of().iterator());
	}

	/**
	 * Writes {@code report.json} and {@code report.md}, with the baseline's findings this run no longer has.
	 * @param dir the report directory
	 * @param summary the run's summary
	 * @param findings the findings, streamed
	 * @param actions the planned actions, streamed
	 * @param resolved the baseline run's findings that are gone
	 * @return the run's report folder
	 */
	public Path write(Path dir, RunSummary summary, Iterator<Finding> findings, Iterator<PlannedAction> actions,
			Iterator<Finding> resolved) {
		try {
			Files.createDirectories(dir);
			Path partial = dir.resolve("." + summary.runId() + ".partial");
			deleteTree(partial);
			Files.createDirectory(partial);
			try (OutputStream out = Files.newOutputStream(partial.resolve("report.json"))) {
				this.json.write(summary, findings, actions, resolved, out);
			}
			Files.writeString(partial.resolve("report.md"), this.markdown.render(summary), StandardCharsets.UTF_8);
			Path target = dir.resolve(summary.runId());
			deleteTree(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the report into " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
