package dev.idsync.source.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.config.FileColumns;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.Page;
import dev.idsync.source.PagedSources;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FileIdentitySourcePagingTests {

	private static final String HEADER = "id,email,name,status\n";

	@TempDir
	Path dir;

	@Test
	void pageWhen2500RowsReturnsEachOnceInThreePages() throws IOException {
		FileIdentitySource source = source(generate("hr.csv", 2500, ""));
		List<Page<SourceIdentity>> pages = pages(source);
		assertThat(pages).extracting((page) -> page.items().size()).containsExactly(1000, 1000, 500);
		assertThat(pages).flatExtracting(Page::problems).isEmpty();
		assertThat(pages).flatExtracting(Page::items).extracting(SourceIdentity::sourceId)
			.containsExactlyElementsOf(ids(2500));
	}

	@Test
	void pageWithTheSameCursorReturnsTheSamePageInAnyInstance() throws IOException {
		Path file = generate("hr.csv", 2500, "");
		FileIdentitySource source = source(file);
		String second = source.page(null).next();
		String third = source.page(second).next();
		assertThat(source.page(second)).isEqualTo(source.page(second));
		assertThat(source(file).page(third)).isEqualTo(source.page(third));
		assertThat(source.page(third).items()).extracting(SourceIdentity::sourceId)
			.containsExactlyElementsOf(ids(2500).subList(2000, 2500));
	}

	@Test
	void pageWhenIdRepeatsOnALaterPageReportsItThereAndWhenResumed() throws IOException {
		Path file = generate("hr.csv", 2500, "P00005,again@example.com,Again,active\n");
		FileIdentitySource source = source(file);
		List<Page<SourceIdentity>> pages = pages(source);
		String expected = "line 2502: id 'P00005' already appeared on line 6; ids must be unique within the file, so "
				+ "this row is ignored";
		assertThat(pages.get(2).problems()).containsExactly(expected);
		assertThat(source(file).page(pages.get(1).next()).problems()).containsExactly(expected);
	}

	@Test
	void pageWhenRowsEndAtAPageBoundaryHasNoEmptyLastPage() throws IOException {
		List<Page<SourceIdentity>> pages = pages(source(generate("hr.csv", 2000, "\n\n")));
		assertThat(pages).extracting((page) -> page.items().size()).containsExactly(1000, 1000);
	}

	@Test
	void pageWhenRecordsSpanLinesResumesAfterThem() {
		FileColumns columns = new FileColumns("Worker ID", "Work Email", null, null, "First Name", "Last Name",
				"Status", null, null);
		FileIdentitySource whole = new FileIdentitySource(FileSources.properties(FileSources.fixture("hr.csv"),
				columns));
		FileIdentitySource paged = new FileIdentitySource(FileSources.properties(FileSources.fixture("hr.csv"),
				columns), 2);
		List<Page<SourceIdentity>> pages = pages(paged);
		assertThat(pages).hasSize(3);
		assertThat(pages).flatExtracting(Page::items).isEqualTo(whole.page(null).items());
		assertThat(pages).flatExtracting(Page::problems).singleElement().asString().startsWith("line 7: ");
	}

	@Test
	void pageWhenFileChangesMidReadFails() throws IOException {
		Path file = generate("hr.csv", 1500, "");
		FileIdentitySource source = source(file);
		String next = source.page(null).next();
		Files.writeString(file, "1,late@example.com,Late,active\n", java.nio.file.StandardOpenOption.APPEND);
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source.page(next))
			.withMessage("hr: " + file + " changed while it was being read; run again once the export that writes it "
					+ "has finished (write to a temporary file and rename it to avoid this)");
	}

	@Test
	void pageWhenCursorIsForeignFails() throws IOException {
		FileIdentitySource source = source(generate("hr.csv", 10, ""));
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source.page("listed|00u1"))
			.withMessage("hr: 'listed|00u1' is not a cursor of a file source");
	}

	@Test
	@Timeout(30) // a read that held the file in memory or re-read it from the start for each page would not finish
	void read200000RowsInPagesQuickly() throws IOException {
		FileIdentitySource source = source(generate("big.csv", 200_000, ""));
		int people = 0;
		int pages = 0;
		String cursor = null;
		do {
			Page<SourceIdentity> page = source.page(cursor);
			people += page.items().size();
			pages++;
			cursor = page.next();
		}
		while (cursor != null);
		assertThat(people).isEqualTo(200_000);
		assertThat(pages).isEqualTo(200);
	}

	@Test
	void readAllOfJsonLinesInPages() throws IOException {
		Path file = this.dir.resolve("people.jsonl");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (String id : ids(2500)) {
				out.write("{\"id\":\"" + id + "\",\"email\":\"" + id + "@example.com\"}\n\n");
			}
		}
		FileColumns columns = new FileColumns("id", "email", null, null, null, null, null, null, null);
		assertThat(PagedSources.readAll(new FileIdentitySource(FileSources.properties(file, columns))))
			.extracting(SourceIdentity::sourceId)
			.containsExactlyElementsOf(ids(2500));
	}

	/** A CSV of {@code rows} people with ids P00001..., then {@code tail}; names are quoted and hold a comma. */
	private Path generate(String name, int rows, String tail) throws IOException {
		Path file = this.dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			for (String id : ids(rows)) {
				out.write(id + "," + id.toLowerCase() + "@example.com,\"Person, " + id + "\",active\n");
			}
			out.write(tail);
		}
		return file;
	}

	private static List<String> ids(int count) {
		List<String> ids = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			ids.add(String.format("P%05d", i));
		}
		return ids;
	}

	private static List<Page<SourceIdentity>> pages(FileIdentitySource source) {
		List<Page<SourceIdentity>> pages = new ArrayList<>();
		String cursor = null;
		do {
			Page<SourceIdentity> page = source.page(cursor);
			pages.add(page);
			cursor = page.next();
		}
		while (cursor != null);
		return pages;
	}

	private static FileIdentitySource source(Path file) {
		return new FileIdentitySource(FileSources.properties(file, FileSources.SIMPLE));
	}

}
