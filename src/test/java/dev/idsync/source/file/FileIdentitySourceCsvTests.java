package dev.idsync.source.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import static org.assertj.core.api.Assumptions.assumeThat;

class FileIdentitySourceCsvTests {

	private static final FileColumns HR = new FileColumns("Worker ID", "Work Email", "Other Emails", null,
			"First Name", "Last Name", "Status", "Employee Number", "Phorge User");

	private static final String KNOWN = "known values: active, deprovisioned, employed, hired, inactive, leave, left, "
			+ "onleave, pending, preboarding, suspended, terminated";

	@TempDir
	Path dir;

	@Test
	void readMapsEveryColumn() {
		Page<SourceIdentity> page = source(FileSources.fixture("hr.csv"), HR).page(null);
		assertThat(page.next()).isNull();
		assertThat(page.items()).containsExactly(
				new SourceIdentity("hr", "W-1001", "alice.smith@example.com",
						List.of("alice.smith@example.com", "alice@old.example.com", "a.smith@example.com"),
						"Alice Smith", Lifecycle.ACTIVE, "Active", "E1001", "asmith"),
				new SourceIdentity("hr", "W-1002", "bob@example.com", List.of("bob@example.com"),
						"Robert \"Bob\" Jones, Jr.", Lifecycle.SUSPENDED, "On Leave", "E1002", null),
				new SourceIdentity("hr", "W-1003", "carol@example.com", List.of("carol@example.com"),
						"Carol Multi\nLine", Lifecycle.DEPROVISIONED, "terminated", "E1003", "carol"),
				new SourceIdentity("hr", "W-1004", "dave@example.com", List.of("dave@example.com"), "Dave Brown",
						Lifecycle.PENDING, "Hired", null, "dbrown"),
				new SourceIdentity("hr", "W-1006", "frank@example.com", List.of("frank@example.com"),
						"frank@example.com", Lifecycle.ACTIVE, "employed", "E1006", null));
	}

	@Test
	void readWhenStatusUnknownReportsLineNumberAfterQuotedNewline() {
		Page<SourceIdentity> page = source(FileSources.fixture("hr.csv"), HR).page(null);
		assertThat(page.problems()).containsExactly("line 7: status 'retired' (column 'Status') is not in "
				+ "idsync.files[].status-map; " + KNOWN + ". Add it to status-map with ACTIVE, PENDING, SUSPENDED "
				+ "or DEPROVISIONED");
	}

	@Test
	void readWhenStatusMapConfiguredUsesItBesideTheDefaults() {
		FileSourceProperties properties = new FileSourceProperties("hr", FileSources.fixture("hr.csv"), null, HR,
				Map.of("retired", "DEPROVISIONED", "active", "PENDING"), ",", "UTF-8", true);
		Page<SourceIdentity> page = new FileIdentitySource(properties).page(null);
		assertThat(page.problems()).isEmpty();
		assertThat(page.items()).extracting(SourceIdentity::sourceId, SourceIdentity::lifecycle)
			.contains(tuple("W-1005", Lifecycle.DEPROVISIONED),
					tuple("W-1001", Lifecycle.PENDING),
					tuple("W-1003", Lifecycle.DEPROVISIONED));
	}

	@Test
	void readWhenRowsAreBadReportsEachAndKeepsTheGoodOnes() {
		Page<SourceIdentity> page = source(FileSources.fixture("bad-rows.csv"), FileSources.SIMPLE).page(null);
		assertThat(page.items()).extracting(SourceIdentity::sourceId).containsExactly("1", "10");
		assertThat(page.problems()).containsExactly(
				"line 3: id is blank (column 'id'); every row needs the person's immutable id",
				"line 4: email is blank (column 'email'); every row needs the person's primary email",
				"line 5: email 'not-an-email' (column 'email') is not an email address; fix it in the export",
				"line 6: status 'retired' (column 'status') is not in idsync.files[].status-map; " + KNOWN
						+ ". Add it to status-map with ACTIVE, PENDING, SUSPENDED or DEPROVISIONED",
				"line 7: id '1' already appeared on line 2; ids must be unique within the file, so this row is "
						+ "ignored",
				"line 8: 5 columns where the header has 4; quote values that hold the delimiter ','",
				"line 9: 2 columns where the header has 4; quote values that hold the delimiter ','",
				"line 10: field 3 has text after its closing quote; a quote inside a quoted value is written \"\"",
				"line 12: a quoted field starts on this line and is never closed; end it with \" (a quote inside a "
						+ "quoted value is written \"\")");
	}

	@Test
	void readWhenRowHasSeveralFaultsReportsThemOnOneLine() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "id,email,name,status\n,bob,Bob,gone\n");
		assertThat(source(file, FileSources.SIMPLE).page(null).problems()).containsExactly("line 2: id is blank "
				+ "(column 'id'); every row needs the person's immutable id; email 'bob' (column 'email') is not an "
				+ "email address; fix it in the export; status 'gone' (column 'status') is not in "
				+ "idsync.files[].status-map; " + KNOWN + ". Add it to status-map with ACTIVE, PENDING, SUSPENDED or "
				+ "DEPROVISIONED");
	}

	@Test
	void readWhenFurtherEmailInvalidReportsIt() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "id,email,aliases\n1,a@example.com,\"b@x.org,c\"\n");
		FileColumns columns = new FileColumns("id", "email", "aliases", null, null, null, null, null, null);
		assertThat(source(file, columns).page(null).problems())
			.containsExactly("line 2: email 'c' (column 'aliases') is not an email address; fix it in the export");
	}

	@Test
	void readWhenStatusBlankReportsKnownValues() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "id,email,name,status\n1,a@example.com,A, \n");
		assertThat(source(file, FileSources.SIMPLE).page(null).problems())
			.containsExactly("line 2: status is blank (column 'status'); " + KNOWN);
	}

	@Test
	void readWithoutStatusColumnTakesEveryoneAsActive() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "email,id\na@example.com,1\n");
		FileColumns columns = new FileColumns("id", "email", null, null, null, null, null, null, null);
		assertThat(source(file, columns).page(null).items()).containsExactly(new SourceIdentity("hr", "1",
				"a@example.com", List.of("a@example.com"), "a@example.com", Lifecycle.ACTIVE, PersonMapper.LISTED));
	}

	@Test
	void readWhenByteOrderMarkSkipsIt() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "\uFEFFid,email,name,status\n1,a@x.org,A,active\n");
		assertThat(source(file, FileSources.SIMPLE).page(null).items()).extracting(SourceIdentity::sourceId)
			.containsExactly("1");
	}

	@Test
	void readWhenSemicolonDelimitedSplitsThere() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"),
				"id;email;name;status\r\n1;a@x.org;\"Doe; Jane\";Active\r\n2;b@x.org;Smith, Jo;left\r\n");
		FileSourceProperties properties = new FileSourceProperties("hr", file, null, FileSources.SIMPLE, Map.of(),
				";", "UTF-8", true);
		assertThat(new FileIdentitySource(properties).page(null).items())
			.extracting(SourceIdentity::displayName, SourceIdentity::lifecycle)
			.containsExactly(tuple("Doe; Jane", Lifecycle.ACTIVE),
					tuple("Smith, Jo", Lifecycle.DEPROVISIONED));
	}

	@Test
	void readWithoutHeaderFindsColumnsByNumber() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "x,1,a@x.org,active\n2,b@x.org\n");
		FileColumns columns = new FileColumns("2", "3", null, null, null, null, "4", null, null);
		FileSourceProperties properties = new FileSourceProperties("hr", file, null, columns, Map.of(), ",",
				"UTF-8", false);
		Page<SourceIdentity> page = new FileIdentitySource(properties).page(null);
		assertThat(page.items()).extracting(SourceIdentity::sourceId).containsExactly("1");
		assertThat(page.problems()).containsExactly(
				"line 2: 2 columns, but idsync.files[].columns names column 4; check idsync.files[].delimiter");
	}

	@Test
	void readWhenEncodingConfiguredDecodesWithIt() throws IOException {
		Path file = Files.write(this.dir.resolve("hr.csv"),
				"id,email,name,status\n1,z@x.org,Zoë Müller,active\n".getBytes(Charset.forName("windows-1252")));
		FileSourceProperties properties = new FileSourceProperties("hr", file, null, FileSources.SIMPLE, Map.of(),
				",", "windows-1252", true);
		assertThat(new FileIdentitySource(properties).page(null).items()).extracting(SourceIdentity::displayName)
			.containsExactly("Zoë Müller");
		assertThat(source(file, FileSources.SIMPLE).page(null).problems()).containsExactly("line 2: is not valid "
				+ "UTF-8 text; set idsync.files[].encoding to the file's encoding (e.g. windows-1252)");
	}

	@Test
	void readWhenHeaderLacksColumnNamesItAndTheHeaderFound() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "ID, E-Mail ,Name,Status\n1,a@x.org,A,active\n");
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source(file, FileSources.SIMPLE).page(null))
			.withMessage("hr: the header of " + file + " has no column 'email' (idsync.files[].columns.email); it "
					+ "has: ID,  E-Mail , Name, Status. Fix columns.email or the export.");
	}

	@Test
	void readMatchesHeaderIgnoringCaseAndSpaces() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), " ID ,EMAIL,Name,Status\n1,a@x.org,A,active\n");
		assertThat(source(file, FileSources.SIMPLE).page(null).items()).hasSize(1);
	}

	@Test
	void readWhenHeaderOnlyFailsAsEmpty() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "id,email,name,status\n\n");
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source(file, FileSources.SIMPLE).page(null))
			.withMessage("hr: " + file + " holds no rows; an empty export would make everyone look like a leaver. "
					+ "Check the export that writes it.");
	}

	@Test
	void readWhenFileEmptyAsksForTheHeader() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "");
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source(file, FileSources.SIMPLE).page(null))
			.withMessage("hr: " + file + " is empty, but idsync.files[].header is true: expected a header row naming "
					+ "the columns id, email, name, status");
	}

	@Test
	void readWhenFileMissingFailsTheSource() {
		Path file = this.dir.resolve("missing.csv");
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source(file, FileSources.SIMPLE).page(null))
			.withMessage("hr: " + file + " does not exist; check idsync.files[].path and the export that writes it")
			.satisfies((ex) -> assertThat(ex.source()).isEqualTo("hr"));
	}

	@Test
	void readWhenPathIsDirectoryFailsTheSource() throws IOException {
		Path directory = Files.createDirectory(this.dir.resolve("export.csv"));
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> source(directory, FileSources.SIMPLE).page(null))
			.withMessage("hr: " + directory + " is a directory; set idsync.files[].path to the export file");
	}

	@Test
	void readWhenFileUnreadableFailsTheSource() throws IOException {
		Path file = FileSources.write(this.dir.resolve("hr.csv"), "id,email,name,status\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		assumeThat(Files.isReadable(file)).as("not running as root").isFalse();
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> source(file, FileSources.SIMPLE).page(null))
			.withMessage("hr: " + file + " is not readable; give the user idsync runs as read access");
	}

	private static FileIdentitySource source(Path file, FileColumns columns) {
		return new FileIdentitySource(FileSources.properties(file, columns));
	}

}
