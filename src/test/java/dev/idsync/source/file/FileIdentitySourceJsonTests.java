package dev.idsync.source.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.config.FileColumns;
import dev.idsync.config.FileSourceProperties;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.source.Page;
import dev.idsync.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class FileIdentitySourceJsonTests {

	private static final FileColumns PEOPLE = new FileColumns("id", "/profile/email", "aliases", "displayName",
			null, null, "status", "employeeNumber", "login");

	@TempDir
	Path dir;

	@Test
	void readMapsKeysPointersAndArrays() {
		Page<SourceIdentity> page = source(FileSources.fixture("people.jsonl"), PEOPLE).page(null);
		assertThat(page.next()).isNull();
		assertThat(page.items()).containsExactly(
				new SourceIdentity("hr", "00u1", "ann@example.com", List.of("ann@example.com", "ann.lee@example.org"),
						"Ann Lee", Lifecycle.ACTIVE, "ACTIVE", "E1", "alee"),
				new SourceIdentity("hr", "00u2", "ben@example.com",
						List.of("ben@example.com", "ben@old.example.com", "ben.b@example.com"), "Ben Bell",
						Lifecycle.DEPROVISIONED, "deprovisioned"),
				new SourceIdentity("hr", "42", "num@example.com", List.of("num@example.com"), "num@example.com",
						Lifecycle.SUSPENDED, "Suspended", "7", null));
	}

	@Test
	void readWhenLinesAreBadReportsEachAndSkipsBlankLines() {
		Page<SourceIdentity> page = source(FileSources.fixture("people.jsonl"), PEOPLE).page(null);
		assertThat(page.problems()).containsExactly(
				"line 4: is not valid JSON at column 26 (Unrecognized token 'broken': was expecting (JSON String, "
						+ "Number, Array, Object or token 'null', 'true' or 'false')); each line must hold one JSON "
						+ "object",
				"line 5: holds a JSON array, not an object; each line must hold one JSON object",
				"line 7: email 'gone' (column '/profile/email') is not an email address; fix it in the export",
				"line 8: status 'archived' (column 'status') is not in idsync.files[].status-map; known values: "
						+ "active, deprovisioned, employed, hired, inactive, leave, left, onleave, pending, "
						+ "preboarding, suspended, terminated. Add it to status-map with ACTIVE, PENDING, SUSPENDED "
						+ "or DEPROVISIONED",
				"line 9: is not valid JSON at column 45 (Duplicate Object property \"email\"); each line must hold "
						+ "one JSON object",
				"line 11: id is blank (column 'id'); every row needs the person's immutable id");
	}

	@Test
	void readWhenTwoObjectsShareALineReportsIt() throws IOException {
		Path file = FileSources.write(this.dir.resolve("people.jsonl"),
				"{\"id\":\"1\",\"email\":\"a@x.org\"} {\"id\":\"2\",\"email\":\"b@x.org\"}\n");
		assertThat(source(file, simple()).page(null).problems()).singleElement().asString().startsWith("line 1: is "
				+ "not valid JSON");
	}

	@Test
	void readWhenValueIsNullOrNestedTreatsItAsBlankOrText() throws IOException {
		Path file = FileSources.write(this.dir.resolve("people.ndjson"),
				"{\"id\":\"1\",\"email\":\"a@x.org\",\"name\":null}\n{\"id\":{\"n\":2},\"email\":\"b@x.org\"}\n");
		FileColumns columns = new FileColumns("id", "email", null, "name", null, null, null, null, null);
		assertThat(source(file, columns).page(null).items()).extracting(SourceIdentity::sourceId,
				SourceIdentity::displayName)
			.containsExactly(tuple("1", "a@x.org"),
					tuple("{\"n\":2}", "b@x.org"));
	}

	@Test
	void readWhenOnlyBlankLinesFailsAsEmpty() throws IOException {
		Path file = FileSources.write(this.dir.resolve("people.jsonl"), "\n  \n");
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source(file, simple()).page(null))
			.withMessageContaining("holds no rows");
	}

	private static FileColumns simple() {
		return new FileColumns("id", "email", null, null, null, null, null, null, null);
	}

	private static FileIdentitySource source(Path file, FileColumns columns) {
		return new FileIdentitySource(new FileSourceProperties("hr", file, null, columns, Map.of(), ",", "UTF-8",
				true));
	}

}
