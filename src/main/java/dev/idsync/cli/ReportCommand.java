package dev.idsync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.RunReports;
import dev.idsync.report.RecordedRun;
import dev.idsync.report.ReportFormat;
import dev.idsync.store.FindingStore;
import dev.idsync.store.IdsyncStore;
import dev.idsync.store.RunStore;

/**
 * {@code idsync report}: a recorded run's report, rendered again from idsync's store in any format.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Renders the report of a recorded run from idsync's store, in any format: html (the page "
				+ "admins read, one self-contained file), md (a short summary), json (everything, as report.json) or "
				+ "csv (one row per finding). Works for every run whose records are kept (idsync.store.keep-runs); "
				+ "the run's report folder is not touched." },
		footerHeading = "%nExit codes:%n", footer = { "  0 the report was written, 1 no such run, or an error" })
final class ReportCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
	@Nullable Path config;

	@ArgGroup(exclusive = true)
	@Nullable Which which;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
			description = "html, md, json or csv (default ${DEFAULT-VALUE}).")
	String format = "md";

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Where to write (default: standard "
			+ "output).")
	@Nullable Path output;

	/** Which run: one option or the other. */
	static final class Which {

		@Option(names = "--run", paramLabel = "RUN_ID", description = "The run ('idsync history' lists them).")
		@Nullable String runId;

		@Option(names = "--last", description = "The newest run that completed (the default).")
		boolean last;

	}

	@Override
	public Integer call() {
		ReportFormat chosen = ReportFormat.named(this.format);
		String runId = (this.which != null) ? this.which.runId : null;
		return StoreAccess.withStore(this.config, this.spec.commandLine().getErr(), (store) -> render(store, runId,
				chosen));
	}

	private int render(IdsyncStore store, @Nullable String runId, ReportFormat chosen) {
		RunStore runs = new RunStore(store.dataSource());
		String picked = RecordedRuns.pick(runs, runId, this.spec.commandLine().getErr());
		if (picked == null) {
			return 1;
		}
		RecordedRun run = new RunReports(runs, new FindingStore(store.dataSource())).recorded(picked, Instant.now());
		if (this.output == null) {
			chosen.render(run, this.spec.commandLine().getOut());
			return 0;
		}
		try (Writer out = Files.newBufferedWriter(this.output, StandardCharsets.UTF_8)) {
			chosen.render(run, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.output + ": " + ex.getMessage(), ex);
		}
		this.spec.commandLine().getOut().println("Wrote the " + chosen + " report of run " + picked + " to "
				+ this.output);
		return 0;
	}

}
