package dev.idsync.source.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

import dev.idsync.config.ConfigException;
import dev.idsync.config.FileColumns;
import dev.idsync.config.FileSourceProperties;
import dev.idsync.domain.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code idsync.files[]} configuration record: binding from YAML and the messages of its validation.
 */
class FileSourcePropertiesTests {

	private static final Path CSV = Path.of("/var/lib/idsync/hr.csv");

	@Test
	void bindFromYamlAppliesDefaults() throws IOException {
		List<FileSourceProperties> files = bind("""
				idsync:
				  files:
				    - name: hr
				      path: /var/lib/idsync/hr.csv
				      columns:
				        id: Worker ID
				        email: Work Email
				        first-name: First Name
				        last-name: Last Name
				        employee-id: Employee Number
				      status-map:
				        retired: deprovisioned
				        "[On Sabbatical]": SUSPENDED
				        On Hold: SUSPENDED
				        notice_period: ACTIVE
				    - name: okta-export
				      path: /var/lib/idsync/users.ndjson
				      columns:
				        id: id
				        email: /profile/email
				""");
		FileSourceProperties hr = files.get(0);
		assertThat(hr.format()).isEqualTo("csv");
		assertThat(hr.delimiter()).isEqualTo(",");
		assertThat(hr.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(hr.header()).isTrue();
		assertThat(hr.columns()).isEqualTo(new FileColumns("Worker ID", "Work Email", null, null, "First Name",
				"Last Name", null, "Employee Number", null));
		assertThat(hr.lifecycle("Retired")).isEqualTo(Lifecycle.DEPROVISIONED);
		assertThat(hr.lifecycle("on sabbatical")).isEqualTo(Lifecycle.SUSPENDED);
		assertThat(hr.lifecycle("EMPLOYED")).isEqualTo(Lifecycle.ACTIVE);
		assertThat(hr.lifecycle("on hold")).isEqualTo(Lifecycle.SUSPENDED);
		assertThat(hr.lifecycle("Notice-Period")).isEqualTo(Lifecycle.ACTIVE);
		assertThat(files.get(1).format()).isEqualTo("jsonl");
		assertThat(files.get(1).statusMap()).hasSize(12);
	}

	@Test
	void statusMapDefaultsCoverCommonHrWords() {
		FileSourceProperties properties = properties(CSV);
		assertThat(List.of("active", "Employed")).allMatch((word) -> properties.lifecycle(word) == Lifecycle.ACTIVE);
		assertThat(List.of("pending", "hired", "Preboarding"))
			.allMatch((word) -> properties.lifecycle(word) == Lifecycle.PENDING);
		assertThat(List.of("leave", "On Leave", "ON_LEAVE", "on-leave", "suspended"))
			.allMatch((word) -> properties.lifecycle(word) == Lifecycle.SUSPENDED);
		assertThat(List.of("terminated", "inactive", "left", "Deprovisioned"))
			.allMatch((word) -> properties.lifecycle(word) == Lifecycle.DEPROVISIONED);
		assertThat(properties.lifecycle("retired")).isNull();
	}

	@Test
	void validateWhenNameMissingAsksForIt() {
		assertInvalid(() -> new FileSourceProperties(null, CSV, null, columns(), Map.of(), ",", "UTF-8", true),
				"idsync.files[].name is required: the source's name in reports, e.g. hr.");
	}

	@Test
	void validateWhenNameNotLowerCaseSaysWhatIsAllowed() {
		assertInvalid(() -> new FileSourceProperties("HR Export", CSV, null, columns(), Map.of(), ",", "UTF-8", true),
				"idsync.files[].name: 'HR Export' may hold only lower-case letters, digits and '-', e.g. hr or "
						+ "workday-export.");
	}

	@Test
	void validateWhenNameIsABuiltInSourceRefuses() {
		assertInvalid(() -> new FileSourceProperties("okta", CSV, null, columns(), Map.of(), ",", "UTF-8", true),
				"idsync.files[].name: 'okta' is the name of a built-in source (okta, google, phorge). Choose "
						+ "another, e.g. okta-export.");
	}

	@Test
	void validateWhenPathMissingAsksForIt() {
		assertInvalid(() -> new FileSourceProperties("hr", null, null, columns(), Map.of(), ",", "UTF-8", true),
				"idsync.files[].path of file source 'hr' is required: set it to the CSV or JSON-lines file to read, "
						+ "e.g. /var/lib/idsync/hr.csv.");
	}

	@Test
	void validateWhenExtensionUnknownAsksForFormat() {
		assertInvalid(() -> properties(Path.of("/exports/hr.txt")), "idsync.files[].format of file source 'hr' is "
				+ "required: the path /exports/hr.txt does not end in .csv, .jsonl or .ndjson. Set format: csv or "
				+ "format: jsonl.");
	}

	@Test
	void validateWhenFormatGivenOverridesTheExtension() {
		assertThat(new FileSourceProperties("hr", Path.of("/exports/hr.txt"), "JSONL", columns(), Map.of(), ",",
				"UTF-8", true).format()).isEqualTo("jsonl");
	}

	@Test
	void validateWhenFormatUnknownListsTheKnownOnes() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, "xml", columns(), Map.of(), ",", "UTF-8", true),
				"idsync.files[].format of file source 'hr': 'xml' is not supported. Use csv or jsonl (one JSON "
						+ "object a line).");
	}

	@Test
	void validateWhenColumnsMissingAsksForThem() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, null, null, Map.of(), ",", "UTF-8", true),
				"idsync.files[].columns of file source 'hr' is required: map at least columns.id and columns.email "
						+ "to the file's column names (CSV) or keys (JSON).");
	}

	@Test
	void validateWhenIdColumnMissingAsksForIt() {
		assertInvalid(() -> new FileColumns(" ", "email", null, null, null, null, null, null, null),
				"idsync.files[].columns.id is required: set it to the column (CSV header) or key (JSON) holding "
						+ "the person's immutable id, e.g. employee_number.");
	}

	@Test
	void validateWhenEmailColumnMissingAsksForIt() {
		assertInvalid(() -> new FileColumns("id", null, null, null, null, null, null, null, null),
				"idsync.files[].columns.email is required: set it to the column (CSV header) or key (JSON) holding "
						+ "the person's primary email address, e.g. work_email.");
	}

	@Test
	void validateWhenStatusMapsToUnknownLifecycleListsTheKnownOnes() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, null, columns(), Map.of("retired", "GONE"), ",",
				"UTF-8", true), "idsync.files[].status-map of file source 'hr': 'retired' maps to 'GONE', which is "
						+ "not a lifecycle. Use ACTIVE, PENDING, SUSPENDED or DEPROVISIONED.");
	}

	@Test
	void validateWhenDelimiterLongerThanOneCharacterRefuses() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, null, columns(), Map.of(), ";;", "UTF-8", true),
				"idsync.files[].delimiter of file source 'hr': ';;' is not a delimiter. Use one character other "
						+ "than a quote or a line break, e.g. ',' or ';' (a tab is \"\\t\").");
	}

	@Test
	void validateWhenEncodingUnknownSuggestsSome() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, null, columns(), Map.of(), ",", "utf-9", true),
				"idsync.files[].encoding of file source 'hr': 'utf-9' is not a character set Java knows. Use e.g. "
						+ "UTF-8, ISO-8859-1 or windows-1252.");
	}

	@Test
	void validateWhenEncodingHasWideLineBreaksSaysHowToConvert() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, null, columns(), Map.of(), ",", "UTF-16", true),
				"idsync.files[].encoding of file source 'hr': UTF-16 is not supported: idsync reads files whose line "
						+ "breaks are single bytes (UTF-8, ISO-8859-1, windows-1252, ...). Convert the file, e.g. "
						+ "iconv -f UTF-16 -t UTF-8.");
	}

	@Test
	void validateWhenHeaderlessColumnIsNotANumberSaysSo() {
		assertInvalid(() -> new FileSourceProperties("hr", CSV, null, columns(), Map.of(), ",", "UTF-8", false),
				"idsync.files[].columns.id of file source 'hr': 'id' is not a column number. With header: false, "
						+ "columns are numbered from 1 (e.g. email: 3).");
	}

	@Test
	void validateWhenJsonPointerMalformedSaysHowToEscape() {
		FileColumns columns = new FileColumns("id", "/profile/e~mail", null, null, null, null, null, null, null);
		assertInvalid(() -> new FileSourceProperties("hr", Path.of("users.jsonl"), null, columns, Map.of(), ",",
				"UTF-8", true), "idsync.files[].columns.email of file source 'hr': '/profile/e~mail' is not a JSON "
						+ "Pointer. Within a pointer, write ~0 for ~ and ~1 for /.");
	}

	private static void assertInvalid(Runnable creation, String message) {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(creation::run).withMessage(message);
	}

	private static FileSourceProperties properties(Path path) {
		return new FileSourceProperties("hr", path, null, columns(), Map.of(), ",", "UTF-8", true);
	}

	private static FileColumns columns() {
		return new FileColumns("id", "email", null, null, null, null, null, null, null);
	}

	private static List<FileSourceProperties> bind(String yaml) throws IOException {
		Binder binder = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader().load("test",
				new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))));
		return binder.bind("idsync.files", Bindable.listOf(FileSourceProperties.class)).get();
	}

}
