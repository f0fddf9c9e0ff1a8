package dev.idsync.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.LinkedPerson;
import dev.idsync.report.AtomicFile;
import dev.idsync.report.BackstageExport;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.LinkStore;
import dev.idsync.store.RunStore;

/**
 * The Backstage catalog of the people the newest run linked ({@code idsync export backstage}, and {@code idsync serve}
 * after each complete run): refused after a run that did not complete or did not read every source completely, since
 * people missing from it would vanish from the catalog. The file is replaced atomically.
 */
public final class CatalogExport {

	private CatalogExport() {
	}

	/**
	 * Writes the catalog.
	 * @param store idsync's store
	 * @param phorgeUrl the Phorge instance, for the profile links
	 * @param output the file
	 * @param includeInactive whether people suspended or deprovisioned in the sources are included
	 * @return how many User entities were written, or why none were
	 */
	public static Outcome write(DataSource store, String phorgeUrl, Path output, boolean includeInactive) {
		LinkStore links = new LinkStore(store);
		String runId = links.stagedRun().orElse(null);
		if (runId == null || !new RunStore(store).completeAndCompleted(runId)) {
			return new Outcome(runId, 0, ((runId == null) ? "no run has read the identity sources yet"
					: "the newest run, " + runId + ", did not complete with every source read completely: people "
							+ "missing from it would vanish from the catalog")
					+ ". Run 'idsync run' again, then export.");
		}
		createFolder(output);
		try (CloseableIterator<LinkedPerson> people = links.linkedPeople(runId, !includeInactive)) {
			int written = AtomicFile.write(output, (stream) -> {
				try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
					return new BackstageExport(phorgeUrl).write(people, out);
				}
			});
			return new Outcome(runId, written, null);
		}
	}

	private static void createFolder(Path output) {
		Path folder = output.toAbsolutePath().getParent();
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + folder + " for the catalog: " + ex.getMessage(), ex);
		}
	}

	/**
	 * What an export wrote.
	 *
	 * @param runId the run the catalog comes from, if any
	 * @param written how many User entities
	 * @param refusal why nothing was written, or {@code null}
	 */
	public record Outcome(@Nullable String runId, int written, @Nullable String refusal) {
	}

}
